#!/usr/bin/env bash
# Network-policy benchmark: full workload-level connectivity of a generated cluster.
#
#   scripts/bench netpol [--keep DIR] [--sizes "1 2 4"] [--no-calico]
#
# scripts/gen_netpol_cluster.py writes the clusters into a temporary directory
# (nothing is committed): size 1 is 5,000 pods (Pod objects owned by ReplicaSets,
# 5 replicas per workload, so 1,000 workloads) in 200 namespaces with 2,000
# NetworkPolicies and 200 Calico policies (projectcalico.org/v3 NetworkPolicy and
# GlobalNetworkPolicy); sizes 2 and 4 double, then quadruple, pods and both kinds
# of policies (namespaces stay 200). Each run is
# `palisade netpol analyze DIR -o txt` (release build; PALISADE=path overrides),
# timed by /usr/bin/time -v (wall clock, CPU = user + system, peak RSS). Prints one
# row per size: pods, workloads, policies, output lines (the size of the answer),
# wall and CPU seconds (CPU is the steadier figure on a shared machine), peak MiB,
# and the growth of CPU time and of the answer from the previous size.
# Goal: size 1 under 2 s and 1 GiB; time growing no faster than the answer.
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }
keep=""
sizes="1 2 4"
calico=200
while [ $# -gt 0 ]; do
    case "$1" in
        --keep) keep=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --no-calico) calico=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench netpol: unknown option '$1'" >&2; usage; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -x /usr/bin/time ] || { echo "bench netpol: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

# shellcheck source=bench_common.sh
. "$repo/scripts/bench_common.sh"
palisade=$(palisade_release_binary "$repo")

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

printf '%-5s %7s %9s %9s %7s %10s %9s %9s %9s %11s %12s\n' size pods workloads policies calico lines wall_s cpu_s peak_MiB time_growth answer_growth
previous_seconds="" previous_lines=""
for size in $sizes; do
    dir="$work/size-$size"
    pods=$((5000 * size)) policies=$((2000 * size)) calico_policies=$((calico * size))
    if [ ! -d "$dir" ]; then
        python3 "$repo/scripts/gen_netpol_cluster.py" --out "$dir" --pods "$pods" --namespaces 200 \
            --policies "$policies" --calico "$calico_policies" --seed 42
    fi
    out="$work/size-$size.txt" timing="$work/size-$size.time"
    /usr/bin/time -v "$palisade" netpol analyze "$dir" -o txt >"$out" 2>"$timing" || {
        echo "bench netpol: palisade failed on size $size:" >&2; tail -20 "$timing" >&2; exit 1; }
    if grep -q '^error: ' "$timing"; then echo "bench netpol: size $size: input errors:" >&2; grep '^error: ' "$timing" | head >&2; fi
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$timing")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$timing")
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timing")
    lines=$(grep -vc '^#' "$out" || true)
    workloads=$((pods / 5))
    time_growth="-" answer_growth="-"
    if [ -n "$previous_seconds" ]; then
        time_growth=$(awk -v a="$cpu" -v b="$previous_seconds" 'BEGIN { printf "x%.2f", (b > 0 ? a / b : 0) }')
        answer_growth=$(awk -v a="$lines" -v b="$previous_lines" 'BEGIN { printf "x%.2f", (b > 0 ? a / b : 0) }')
    fi
    printf '%-5s %7d %9d %9d %7d %10d %9.2f %9.2f %9d %11s %12s\n' "$size" "$pods" "$workloads" "$policies" "$calico_policies" \
        "$lines" "$seconds" "$cpu" "$peak" "$time_growth" "$answer_growth"
    previous_seconds=$cpu previous_lines=$lines
done
