#!/usr/bin/env bash
# Posture-scan benchmark: Palisade against Checkov on the same directories.
#
#   scripts/bench scan [--count N] [--keep DIR]
#
# Two inputs, both written into a temporary directory (nothing is committed):
#   synthetic  scripts/gen_manifests.py: N (default 10,000) resources, seed 42
#   real-world the Kubernetes manifests available offline: Falco's
#              event-generator k8saudit manifests, the Gatekeeper library samples
#              and templates, the Polaris fixtures and examples/ (not Kubescape's
#              test inputs: fragments there make Checkov 3.3 abort with no output)
# Each tool scans each directory once, timed by /usr/bin/time -v (wall clock,
# peak RSS): `palisade scan DIR -o json` (release build; PALISADE=path overrides)
# and `checkov -d DIR --framework kubernetes --skip-download -o json` (installed
# with pip into a cached venv). Prints resources/s and peak memory per tool and
# input, the issue kinds each found (Checkov check ids mapped to Palisade
# controls), and ends with `speedup X.XX vs checkov` (geometric mean over the
# inputs of checkov seconds / palisade seconds).
set -euo pipefail

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; }
count=10000
keep=""
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=$2; shift 2 ;;
        --keep) keep=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench scan: unknown option '$1'" >&2; usage; exit 2 ;;
    esac
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared="$(dirname "$repo")/shared"
[ -x /usr/bin/time ] || { echo "bench scan: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

checkov_venv="${XDG_CACHE_HOME:-$HOME/.cache}/palisade/checkov-venv"
if ! "$checkov_venv/bin/checkov" --version >/dev/null 2>&1; then
    echo "bench scan: installing checkov into $checkov_venv" >&2
    python3 -m venv "$checkov_venv"
    "$checkov_venv/bin/pip" install --quiet checkov >&2
fi
checkov="$checkov_venv/bin/checkov"

# shellcheck source=bench_common.sh
. "$repo/scripts/bench_common.sh"
palisade=$(palisade_release_binary "$repo")

work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

python3 "$repo/scripts/gen_manifests.py" "$work/synthetic" --count "$count" --seed 42 >&2

# Real-world manifests: copied (YAML only) so both tools read the same bytes.
real="$work/real-world"
rm -rf "$real"; mkdir -p "$real"
copy_yaml() {  # copy_yaml SRC NAME
    [ -d "$1" ] || { echo "bench scan: $1 not found, skipped" >&2; return 0; }
    (cd "$1" && find . -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z |
        while IFS= read -r -d '' f; do mkdir -p "$real/$2/$(dirname "$f")"; cp "$f" "$real/$2/$f"; done)
}
copy_yaml "$shared/conformance/falco/event-generator/k8saudit-manifests" falco-k8saudit
copy_yaml "$shared/conformance/gatekeeper-library/library" gatekeeper-library
copy_yaml "$shared/conformance/polaris/fixtures" polaris
copy_yaml "$repo/examples/manifests" examples

run() {  # run NAME OUT_JSON COMMAND... ; prints "seconds rss_kib"
    local name=$1 out=$2; shift 2
    local timing="$work/$name.time"
    /usr/bin/time -v -o "$timing" "$@" >"$out" 2>"$work/$name.stderr" || true
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; secs = s }
                /Maximum resident set size/ { rss = $2 } END { print secs, rss }' "$timing"
}

results="$work/results.txt"
: >"$results"
for input in synthetic real-world; do
    dir="$work/$input"
    echo "bench scan: $input: palisade" >&2
    read -r p_secs p_rss < <(run "palisade-$input" "$work/palisade-$input.json" "$palisade" scan "$dir" -o json --no-color)
    echo "bench scan: $input: checkov (this takes a while)" >&2
    read -r c_secs c_rss < <(run "checkov-$input" "$work/checkov-$input.json" "$checkov" -d "$dir" --framework kubernetes --skip-download -o json --quiet)
    echo "$input $p_secs $p_rss $c_secs $c_rss" >>"$results"
done

exec python3 - "$work" "$results" <<'PY'
import json, math, sys, collections

work, results = sys.argv[1], sys.argv[2]

# Checkov Kubernetes checks → the Palisade controls that find the same kind of issue.
CHECKOV_TO_PALISADE = {
    "CKV_K8S_8": ["PAL-033"], "CKV_K8S_9": ["PAL-034"],
    "CKV_K8S_10": ["PAL-029"], "CKV_K8S_11": ["PAL-030"], "CKV_K8S_12": ["PAL-031"], "CKV_K8S_13": ["PAL-032"],
    "CKV_K8S_14": ["PAL-036"], "CKV_K8S_15": ["PAL-038"], "CKV_K8S_16": ["PAL-001"],
    "CKV_K8S_17": ["PAL-003"], "CKV_K8S_18": ["PAL-004"], "CKV_K8S_19": ["PAL-002"], "CKV_K8S_20": ["PAL-014"],
    "CKV_K8S_21": ["PAL-165"], "CKV_K8S_22": ["PAL-015"], "CKV_K8S_23": ["PAL-011", "PAL-012"],
    "CKV_K8S_25": ["PAL-006", "PAL-009", "PAL-010"], "CKV_K8S_26": ["PAL-005"], "CKV_K8S_27": ["PAL-023"],
    "CKV_K8S_28": ["PAL-007"], "CKV_K8S_29": ["PAL-056", "PAL-011", "PAL-016"], "CKV_K8S_30": ["PAL-056", "PAL-011"],
    "CKV_K8S_31": ["PAL-016"], "CKV_K8S_33": ["PAL-146"], "CKV_K8S_35": ["PAL-042"],
    "CKV_K8S_36": ["PAL-008"], "CKV_K8S_37": ["PAL-008"], "CKV_K8S_38": ["PAL-040", "PAL-120", "PAL-121"],
    "CKV_K8S_39": ["PAL-006"], "CKV_K8S_41": ["PAL-041"], "CKV_K8S_42": ["PAL-119"], "CKV_K8S_43": ["PAL-037"],
    "CKV_K8S_49": ["PAL-101", "PAL-102", "PAL-103"], "CKV_K8S_153": ["PAL-147"],
    "CKV_K8S_155": ["PAL-115"], "CKV_K8S_156": ["PAL-113"], "CKV_K8S_157": ["PAL-110"], "CKV_K8S_158": ["PAL-110"],
    "CKV2_K8S_1": ["PAL-123", "PAL-110"], "CKV2_K8S_2": ["PAL-108", "PAL-114"], "CKV2_K8S_3": ["PAL-111"],
    "CKV2_K8S_5": ["PAL-106"], "CKV2_K8S_6": ["PAL-161", "PAL-160"],
    # Without an equivalent: CKV_K8S_1..7 and 32 (PodSecurityPolicy, removed in Kubernetes 1.25),
    # CKV_K8S_34/44/45 (Helm 2 Tiller), CKV_K8S_40 (a UID above 10000), CKV2_K8S_4 (services/status).
}

def findings(node, out):
    """Every object with ruleID and status anywhere in a Palisade JSON report."""
    if isinstance(node, dict):
        if "ruleID" in node and "status" in node:
            out.append(node)
        else:
            for v in node.values():
                findings(v, out)
    elif isinstance(node, list):
        for v in node:
            findings(v, out)
    return out

def first_key(node, key):
    if isinstance(node, dict):
        if key in node:
            return node[key]
        for v in node.values():
            found = first_key(v, key)
            if found is not None:
                return found
    elif isinstance(node, list):
        for v in node:
            found = first_key(v, key)
            if found is not None:
                return found
    return None

def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"bench scan: cannot read {path}: {e}", file=sys.stderr)
        return None

def palisade_issues(path):
    report = load_json(path)
    if report is None:
        return 0, set()
    failed = {f["ruleID"] for f in findings(report, []) if f.get("status") == "failed"}
    return first_key(report, "resourceCount") or 0, failed

def checkov_issues(path):
    report = load_json(path)
    if report is None:
        return 0, {}
    reports = report if isinstance(report, list) else [report]
    resources, failed = 0, {}
    for r in reports:
        if r.get("check_type") not in (None, "kubernetes"):
            continue
        resources += r.get("summary", {}).get("resource_count", 0)
        for check in r.get("results", {}).get("failed_checks", []):
            failed[check["check_id"]] = check.get("check_name", "")
    return resources, failed

ratios = []
print(f"{'input':<12} {'tool':<9} {'resources':>9} {'seconds':>9} {'res/s':>10} {'peak MiB':>9}")
coverage = []
for line in open(results):
    name, p_secs, p_rss, c_secs, c_rss = line.split()
    p_secs, c_secs = float(p_secs), float(c_secs)
    p_res, p_failed = palisade_issues(f"{work}/palisade-{name}.json")
    c_res, c_failed = checkov_issues(f"{work}/checkov-{name}.json")
    for tool, res, secs, rss in (("palisade", p_res, p_secs, p_rss), ("checkov", c_res, c_secs, c_rss)):
        rate = res / secs if secs > 0 else float("inf")
        print(f"{name:<12} {tool:<9} {res:>9} {secs:>9.2f} {rate:>10.0f} {int(rss) / 1024:>9.1f}")
    if p_secs > 0 and c_secs > 0:
        ratios.append(c_secs / p_secs)
    coverage.append((name, p_failed, c_failed))

print()
print("issue kinds: Checkov checks that failed, and whether Palisade found the same kind of issue")
for name, p_failed, c_failed in coverage:
    same = missing = unmapped = 0
    for check_id in sorted(c_failed, key=lambda c: (len(c), c)):
        ours = CHECKOV_TO_PALISADE.get(check_id)
        if ours is None:
            state, unmapped = "no equivalent control", unmapped + 1
        elif p_failed & set(ours):
            state, same = "found: " + ",".join(sorted(p_failed & set(ours))), same + 1
        else:
            state, missing = "NOT found (" + ",".join(ours) + ")", missing + 1
        print(f"  {name:<12} {check_id:<14} {c_failed[check_id][:60]:<60} {state}")
    print(f"  {name}: {same} of {len(c_failed)} Checkov issue kinds also found, {missing} missed, {unmapped} without an equivalent;"
          f" Palisade raised {len(p_failed)} control ids")

speedup = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else 0.0
print(f"speedup {speedup:.2f} vs checkov")
PY
