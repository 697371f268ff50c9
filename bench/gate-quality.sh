#!/usr/bin/env bash
# The gate's own quality, measured as a user would meet it:
#  1. record a baseline of the bundled example on this machine (update-baseline, recordRuns 3);
#  2. run `check` N times against it: how many failed (goal: none);
#  3. make a copy of that baseline FACTOR times faster than the recording (every median, sample
#     and run median divided by FACTOR, so the code looks FACTOR times slower), run `check` N
#     times against it: how many failed (goal: all), and which points were REGRESSED.
# One line per run: where the machine was (shared-memory barrier on cpu, SM clock and clock
# events on GPUs), the verdicts, and the points that regressed.
# Usage: bench/gate-quality.sh [N] [FACTOR] [extra -D arguments for every run]
#   cpu (this machine): bench/gate-quality.sh 20 1.15     (sizes 16,64,128 unless SIZES is set)
#   GPU:                SIZES= MVN="mvn $MAVEN_ARGS" bench/gate-quality.sh 8 1.05
# LOGS=dir keeps the first check of each series there.
# Needs the plugin installed (mvn -B -q install -DskipTests -Dinvoker.skip).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
factor=${2:-1.15}
shift 2 || shift $# || true
read -r -a mvn <<< "${MVN:-mvn}"
sizes=${SIZES-16,64,128}
args=(-B -f example "-Dcommgate.requireBaseline=false" ${sizes:+"-Dcommgate.sequenceLengths=$sizes"} "$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${mvn[@]}" "${args[@]}" io.github.commgate:commgate-maven-plugin:0.1.0-SNAPSHOT:update-baseline \
    "-Dcommgate.baselineDirectory=$work/recorded" > "$work/record.log" 2>&1 || { cat "$work/record.log"; exit 1; }
recorded=$(ls "$work"/recorded/*.json)
python3 - "$recorded" "$work/faster.json" "$factor" <<'PY'
import json, sys
baseline = json.load(open(sys.argv[1]))
factor = float(sys.argv[3])
env = baseline["environment"]
print(f"baseline recorded: barrier {env.get('shm_barrier_ns', '-')} ns, SM {env.get('gpu_sm_clock_mhz', '-')} MHz,"
      f" clock events {env.get('gpu_clock_events', '-')}", file=sys.stderr)
for point in baseline["points"]:
    point["median_us"] = round(point["median_us"] / factor, 6)
    point["samples_us"] = [round(s / factor, 6) for s in point["samples_us"]]
    point["run_medians_us"] = [round(s / factor, 6) for s in point.get("run_medians_us", [])]
json.dump(baseline, open(sys.argv[2], "w"), indent=2)
PY

count_failures() {
    local file=$1 failed=0 i
    for i in $(seq 1 "$runs"); do
        if ! "${mvn[@]}" "${args[@]}" verify "-Dcommgate.baselineFile=$file" > "$work/check-$i.log" 2>&1; then
            failed=$((failed + 1))
        fi
        python3 - example/target/commgate/results.json "$i" >&2 <<'PY'
import collections, json, sys
run = json.load(open(sys.argv[1]))
env = run["environment"]
points = run["gate"]["points"]
verdicts = collections.Counter(p["verdict"] for p in points)
regressed = [f"{p['communicator']}@{p['bytes'] / 2**20:g}MiB" for p in points if p["verdict"] == "REGRESSED"]
state = (f"SM {env['gpu_sm_clock_mhz']} MHz, events {env.get('gpu_clock_events')}" if "gpu_sm_clock_mhz" in env
         else f"barrier {env.get('shm_barrier_ns', '?')} ns")
print(f"    run {sys.argv[2]}: {state}, {run['gate']['decision']}, {dict(sorted(verdicts.items()))}"
      + (f", regressed: {' '.join(regressed)}" if regressed else ""))
if sys.argv[2] == "1":
    catches = [f"{p['communicator']}@{p['bytes'] / 2**20:g}MiB {p['detectable_pct']:.1f}% ({p['limit_rule']})"
               for p in points if p.get("detectable_pct") is not None]
    print(f"    run 1 catches: {', '.join(catches)}")
PY
    done
    echo "$failed"
}

same=$(count_failures "$recorded")
[[ -n ${LOGS:-} ]] && cp "$work/check-1.log" "$LOGS/check-against-recorded.log"
echo "check against the baseline as recorded: $same of $runs runs failed (goal: 0)"
slower=$(count_failures "$work/faster.json")
[[ -n ${LOGS:-} ]] && cp "$work/check-1.log" "$LOGS/check-against-faster.log"
echo "check against the baseline made ${factor}x faster: $slower of $runs runs failed (goal: $runs)"
