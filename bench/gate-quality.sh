#!/usr/bin/env bash
# The gate's own quality on the cpu backend, as the closing note of the gate issue asks:
#  1. record a baseline of the bundled example on this machine (update-baseline);
#  2. run `check` N times against it: how many failed (goal: none);
#  3. make a copy of that baseline 15 % faster than the recording, run `check` N times against
#     it: how many failed (goal: all).
# Also times one full `mvn verify` of the example and how much of it is measurement.
# Usage: bench/gate-quality.sh [N] [extra -D arguments for every run]; needs the plugin installed
# (mvn -B -q install -DskipTests -Dinvoker.skip).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
args=(-B -q -f example "-Dcommgate.sequenceLengths=16,64,128" "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn "${args[@]}" io.github.commgate:commgate-maven-plugin:0.1.0-SNAPSHOT:update-baseline \
    "-Dcommgate.baselineDirectory=$work/recorded" > "$work/record.log" 2>&1
recorded=$(ls "$work"/recorded/*.json)
# Where the host had put the ranks' CPUs (docs/gate.md, "When the machine moves").
barrier() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["environment"].get("shm_barrier_ns", "?"))' "$1"; }
echo "baseline recorded with a shared-memory barrier of $(barrier "$recorded") ns ($(grep -c 'recording runs left out' "$work/record.log" || true) warnings of runs left out)"
python3 - "$recorded" "$work/faster.json" <<'PY'
import json, sys
baseline = json.load(open(sys.argv[1]))
for point in baseline["points"]:
    point["median_us"] *= 0.85
    point["samples_us"] = [s * 0.85 for s in point["samples_us"]]
json.dump(baseline, open(sys.argv[2], "w"), indent=2)
PY

count_failures() {
    local file=$1 failed=0 i
    for i in $(seq 1 "$runs"); do
        if ! mvn "${args[@]}" verify "-Dcommgate.baselineFile=$file" > "$work/check-$i.log" 2>&1; then
            failed=$((failed + 1))
            grep -h "commgate: shm-" "$work/check-$i.log" | head -3 | sed 's/^/    /' >&2 || true
        fi
        # One line per run on stderr: where the ranks' CPUs were, and what the gate said.
        python3 - example/target/commgate/results.json "$i" >&2 <<'PY'
import collections, json, sys
run = json.load(open(sys.argv[1]))
verdicts = collections.Counter(p["verdict"] for p in run["gate"]["points"])
farther = any("farther apart" in w for w in run["gate"]["warnings"])
print(f"    run {sys.argv[2]}: barrier {run['environment'].get('shm_barrier_ns', '?')} ns,"
      f" {dict(sorted(verdicts.items()))}{', ranks farther apart than the baseline' if farther else ''}")
PY
    done
    echo "$failed"
}

same=$(count_failures "$recorded")
echo "check against a baseline recorded on this machine: $same of $runs runs failed (goal: 0)"
faster=$(count_failures "$work/faster.json")
echo "check against a baseline 15 % faster than the recording: $faster of $runs runs failed (goal: $runs)"

start=$(date +%s%N)
mvn -B -f example verify "-Dcommgate.baselineFile=$recorded" > "$work/verify.log" 2>&1 || true
end=$(date +%s%N)
python3 - "$work/verify.log" $(( (end - start) / 1000000 )) example/target/commgate/results.json <<'PY'
import json, sys
wall = int(sys.argv[2]) / 1000
measure = json.load(open(sys.argv[3]))["total_seconds"]
print(f"one mvn verify of the example with the gate (default sizes): {wall:.1f} s wall, {measure:.1f} s of it measuring ({100 * measure / wall:.0f} %)")
PY
