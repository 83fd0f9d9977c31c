#!/usr/bin/env bash
# scripts/bench detect [--seconds S]: the detection engine's two figures, from a
# release build.
#  (1) syscall: the stable falco_rules.yaml through DetectionEngine over a
#      deterministic synthetic stream of realistic syscall events
#      (`palisade bench detect-engine`): events/s per core, allocations/event;
#      then the same over each bundled .scap capture.
#  (2) audit webhook: k8s_audit_rules.yaml behind the HTTP webhook on loopback,
#      loaded by an in-process generator with keep-alive connections
#      (`palisade bench detect-webhook`): events/s end to end and p99 latency.
# Goals (issue 4): >= 1,000,000 syscall events/s per core; >= 50,000 audit
# events/s through the webhook.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared="$(dirname "$repo")/shared/conformance/falco"
seconds=3
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        *) echo "bench detect: unknown option $1" >&2; exit 2 ;;
    esac
done

palisade=${PALISADE:-}
if [ -z "$palisade" ]; then
    build=(swift build -c release --product palisade --package-path "$repo")
    if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi
    "${build[@]}" >&2
    palisade="$("${build[@]}" --show-bin-path)/palisade"
fi

echo "== (1) syscall rule engine, falco_rules.yaml, synthetic stream"
engine_out=$("$palisade" bench detect-engine --rules "$shared/rules/falco_rules.yaml" --seconds "$seconds")
echo "$engine_out"
for capture in "$shared"/regression-suite/captures/*.scap; do
    rate=$("$palisade" bench detect-engine --rules "$shared/rules/falco_rules.yaml" --replay "$capture" --seconds 1 \
        | sed -n 's/^events\/s per core: \([0-9]*\).*/\1/p')
    echo "   replay $(basename "$capture"): $rate events/s per core"
done

echo "== (2) audit webhook end to end, k8s_audit_rules.yaml"
webhook_out=$("$palisade" bench detect-webhook --rules "$shared/rules/k8s_audit_rules.yaml" \
    --events "$shared/regression-suite/k8s_audit_events" --workers 2 --seconds "$seconds")
echo "$webhook_out"

syscall_rate=$(echo "$engine_out" | sed -n 's/^events\/s per core: \([0-9]*\).*/\1/p')
allocations=$(echo "$engine_out" | sed -n 's/^allocations\/event: \([0-9.]*\).*/\1/p')
read -r audit_rate p99 < <(echo "$webhook_out" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(int(r["events_per_second"]), "%.2f" % r["p99_ms"])')
echo "== summary"
echo "syscall engine: $syscall_rate events/s per core, $allocations allocations/event (goal 1000000)"
echo "audit webhook: $audit_rate events/s, p99 ${p99} ms (goal 50000)"
