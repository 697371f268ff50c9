#!/usr/bin/env bash
# Where the example's default GPU sweep spends its wall time, beside a PyTorch script doing the
# same sweep (bench/torch_sweep.py: import torch, a gloo group, PyNccl's out-of-place NCCL in a
# CUDA graph, the same sizes, schedule and exact check). Run on the GPU machine from the
# repository root (bench/gpu-run.sh calls it with STARTUP=1, after sourcing .gpu/activate).
#
# One untimed `mvn verify` first (it writes the workers' AppCDS archive, as any first run on a
# machine does), then RUNS timed runs of each variant and of the PyTorch script, alternating, so
# that a drift of the machine hits both. Prints each run's wall time and commgate's own
# breakdown ("timing: ..." line; results.json's "timing" section is copied to $OUT), then the
# medians and commgate / PyTorch.
#   RUNS       timed runs of each (default 3)
#   VARIANTS   space-separated, default "default eager nocds": the candidate cuts, each undone
#              in turn: eager = CUDA_MODULE_LOADING=EAGER as before; nocds = no AppCDS archive
#              (-Xshare:auto in jvmArgs); mavenc1 = Maven's own JVM with C1 only and SerialGC
#   EXAMPLE_ARGS  more -D options for every mvn run
set -u
OUT=${OUT:-/tmp/commgate-gpu}
RUNS=${RUNS:-3}
VARIANTS=${VARIANTS:-default eager nocds}
mkdir -p "$OUT"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Runs the example once in variant $1; prints "<wall ms> <timing line>".
example() {
  local variant=$1 log="$OUT/startup-$1.log" env=() args=()
  case $variant in
    default) ;;
    eager) env=(CUDA_MODULE_LOADING=EAGER) ;;
    nocds) args=(-Dcommgate.jvmArgs=-Xshare:auto) ;;
    mavenc1) env=("MAVEN_OPTS=${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC") ;;
    *) echo "unknown variant $variant" >&2; return 1 ;;
  esac
  local start; start=$(now_ms)
  # shellcheck disable=SC2086
  env ${env[@]+"${env[@]}"} mvn ${MAVEN_ARGS:-} -f example verify -Dcommgate.requireBaseline=false \
    ${args[@]+"${args[@]}"} ${EXAMPLE_ARGS:-} > "$log" 2>&1
  local status=$? end; end=$(now_ms)
  cp example/target/commgate/results.json "$OUT/startup-$variant-results.json" 2>/dev/null
  # The goal's one-line breakdown; from results.json (without the reports) where the log has none.
  local line; line=$(grep -o "timing: .*" "$log" | tail -1)
  [[ -n $line ]] || line=$(python3 - "$OUT/startup-$variant-results.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[1])).get("timing", {})
print("timing (results.json):", {**t.get("host_seconds", {}), **t.get("worker_seconds", {})})
PY
)
  echo "$(( end - start )) exit=$status $line"
}

# Runs the PyTorch script once ($1 names its log); prints "<wall ms> exit=N <its last line>", and
# its last lines where it failed.
torch_run() {
  local log="$OUT/startup-torch-$1.log" start; start=$(now_ms)
  python3 bench/torch_sweep.py > "$log" 2>&1
  local status=$? end; end=$(now_ms)
  echo "$(( end - start )) exit=$status $(tail -1 "$log")"
  (( status == 0 )) || sed 's/^/    torch: /' "$log" | tail -15 >&2
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "== untimed first run (writes the AppCDS archive)"
example default
declare -A walls
for ((i = 1; i <= RUNS; i++)); do
  for variant in $VARIANTS; do
    result=$(example "$variant")
    echo "run $i $variant: ${result}"
    walls[$variant]+="${result%% *} "
  done
  result=$(torch_run "$i")
  echo "run $i torch: ${result}"
  walls[torch]+="${result%% *} "
done
echo "== medians (ms)"
torch_ms=$(tr ' ' '\n' <<< "${walls[torch]}" | grep . | median)
for variant in $VARIANTS torch; do
  ms=$(tr ' ' '\n' <<< "${walls[$variant]}" | grep . | median)
  printf "%-8s %8s ms   commgate/torch %s\n" "$variant" "$ms" "$(awk -v a="$ms" -v b="$torch_ms" 'BEGIN { printf "%.2f", a / b }')"
done
