#!/usr/bin/env bash
# What we run on the GPU machine (no Java, no network there), in one call: the GPU-tagged JUnit
# tests, the bundled example through an offline Maven, and, where asked, the gate's quality
# protocol, the kernels' loopback table and the PyTorch/ctypes NCCL reference. Prepare here with
#   ../shared/gpu/bundle.sh example -Dcommgate.skip=true
#   cp ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.14.4/*.jar .gpu/junit-console.jar
# and carry .gpu, plugin/target/classes and plugin/target/test-classes. Results land in $OUT.
# Choose with the environment:
#   TESTS      JUnit selectors (default: --select-package io.github.commgate.comm.cuda; none for no tests)
#   QUALITY    "N FACTOR" runs bench/gate-quality.sh N FACTOR on the default GPU sweep
#   SELFTEST   a self-test mode (bandwidth, correctness) for the loopback table
#   REFERENCE  1 runs bench/nccl_reference.py against the example's results
#   STARTUP    1 runs bench/startup.sh: the example's wall time and breakdown beside a PyTorch
#              script doing the same sweep (RUNS, VARIANTS as there)
#   NCCLTESTS  1 builds nccl-tests (carry bench/.nccl-tests, an ignored copy of its source) with
#              make MPI=0 and runs all_reduce_perf -G G -c C at 2-128 MiB for each G:C of
#              NCCLTESTS_RUNS (default "10:1 100:1 100:0") beside commgate's nccl in
#              the cache-cold mode (rotatingBufferSize), both with NCCLTESTS_ITERS all-reduces per
#              graph (default 20, nccl-tests' -n default), and prints both and the ratio per size,
#              and bench/rotating_copy.cu's figures for the same graph with no harness around it
set -u
source .gpu/activate
# Never multicast on borrowed machines (see DEVELOPERS.md): NVLS off in NCCL, PyTorch and NVSHMEM.
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
OUT=${OUT:-/tmp/commgate-gpu}
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.applications.graphics,clocks.max.sm --format=csv,noheader \
  | tee "$OUT/gpu.txt"

m2=.gpu/m2
jars=$(find "$m2" -name '*.jar' \( -path '*bytedeco*' -o -path '*jackson*' -o -path '*commgate-native*' \) | tr '\n' ':')
cp="plugin/target/classes:plugin/target/test-classes:${jars}.gpu/junit-console.jar"
echo "== GPU-tagged JUnit tests"
[[ ${TESTS-x} == none ]] || {
read -r -a selectors <<< "${TESTS:---select-package io.github.commgate.comm.cuda}"
timeout 300 java --add-modules=ALL-SYSTEM -cp "$cp" org.junit.platform.console.ConsoleLauncher execute \
  "${selectors[@]}" --include-tag gpu --details=tree --disable-banner > "$OUT/gpu-tests.txt" 2>&1
echo "junit exit $?"
grep -E "tests (successful|failed)|✘|GPU state|expected" "$OUT/gpu-tests.txt" | head -20
}

echo "== mvn verify of the example (default sweep)"
start=$(date +%s%N)
mvn $MAVEN_ARGS -f example verify -Dcommgate.requireBaseline=false ${EXAMPLE_ARGS:-} > "$OUT/example-verify.log" 2>&1
status=$?
end=$(date +%s%N)
grep -E "commgate|Tensor|\(|BUILD|ERROR" "$OUT/example-verify.log" | grep -v Download | tail -45
echo "maven exit $status, wall $(( (end - start) / 1000000 )) ms"
cp example/target/commgate/results.json "$OUT/" 2>/dev/null
cp example/target/commgate/report.md "$OUT/" 2>/dev/null

if [[ -n ${QUALITY:-} ]]; then
  echo "== The gate's quality: bench/gate-quality.sh $QUALITY (default GPU sweep)"
  # shellcheck disable=SC2086
  LOGS=$OUT SIZES= MVN="mvn $MAVEN_ARGS" timeout 400 bench/gate-quality.sh $QUALITY 2>&1 | tee "$OUT/gate-quality.txt"
fi

if [[ -n ${SELFTEST:-} ]]; then
  echo "== Loopback bandwidth of our kernels (one GPU plays every rank; native/src/test/cuda)"
  nvcc -O3 -std=c++17 -arch=sm_90 -o /tmp/commgate-selftest native/src/test/cuda/allreduce_selftest.cu -I native/src/main/cuda \
    && /tmp/commgate-selftest "$SELFTEST" 2>&1 | tee "$OUT/selftest.txt" | tail -45
fi

if [[ ${REFERENCE:-0} == 1 ]]; then
  echo "== Python reference (ctypes ncclAllReduce in a torch CUDA graph)"
  python3 bench/nccl_reference.py --ours example/target/commgate/results.json 2>&1 | tee "$OUT/python-reference.txt"
fi

if [[ ${STARTUP:-0} == 1 ]]; then
  echo "== Start-up: the example's default sweep beside a PyTorch script doing the same (bench/startup.sh)"
  OUT=$OUT bench/startup.sh 2>&1 | tee "$OUT/startup.txt"
fi

if [[ ${NCCLTESTS:-0} == 1 ]]; then
  runs=${NCCLTESTS_RUNS:-10:1 100:1 100:0}
  echo "== nccl-tests all_reduce_perf (-G:-c $runs) beside commgate's nccl, cache-cold, 2-128 MiB"
  iters=${NCCLTESTS_ITERS:-20}
  nccl_home=${NCCL_HOME:-}
  if [[ -z $nccl_home ]]; then
    if [[ -f /usr/include/nccl.h ]]; then nccl_home=/usr; else
      nccl_home=$(python3 -c 'import nvidia.nccl, os; print(os.path.dirname(nvidia.nccl.__file__))' 2>/dev/null); fi
  fi
  cuda_home=${CUDA_HOME:-$(dirname "$(dirname "$(command -v nvcc)")")}
  # NCCL from the distribution keeps its library in the multiarch directory, beside the one commgate loads.
  [[ $nccl_home == /usr ]] && nccl_lib=/usr/lib/x86_64-linux-gnu || nccl_lib=$nccl_home/lib
  make -C bench/.nccl-tests -j 16 MPI=0 CUDA_HOME="$cuda_home" NCCL_HOME="$nccl_home" \
    NVCC_GENCODE="-gencode=arch=compute_90,code=sm_90" > "$OUT/nccl-tests-build.log" 2>&1 \
    || { echo "nccl-tests did not build:"; tail -20 "$OUT/nccl-tests-build.log"; }
  # nccl-tests times a size with a host clock from its first graph launch to the end of the last,
  # so each size's figure also holds one launch of a new graph and one wait: -G sets over how
  # many all-reduces (iters x G) that is spread. Its -c 1 (the default) checks the data, and on
  # the H200 its timed figure at 4-8 MiB came out 6-9 % above its own -c 0 figure for the same
  # timed loop (docs/measurement.md). Each entry of NCCLTESTS_RUNS is GRAPHS:CHECK.
  for run in $runs; do
    LD_LIBRARY_PATH=$nccl_lib:${LD_LIBRARY_PATH:-} bench/.nccl-tests/build/all_reduce_perf -b 2M -e 128M -f 2 -g 1 \
      -d bfloat16 -o sum -G "${run%:*}" -c "${run#*:}" -n "$iters" -w 5 > "$OUT/all_reduce_perf-G${run/:/-c}.txt" 2>&1
  done
  # The same sizes (sequence lengths 128..8192 of 8192 bf16), the same all-reduces per graph, buffers
  # of the largest size as nccl-tests' -e sizes its own.
  for view in cold warm; do
    rotating=0; [[ $view == cold ]] && rotating=134217728
    mvn $MAVEN_ARGS -f example io.github.commgate:commgate-maven-plugin:benchmark -Dcommgate.communicators=nccl \
      -Dcommgate.sequenceLengths=128,256,512,1024,2048,4096,8192 -Dcommgate.cycles="$iters" \
      -Dcommgate.rotatingBufferSize=$rotating -Dcommgate.outputJson="$OUT/nccl-$view.json" > "$OUT/nccl-$view.log" 2>&1 \
      || { echo "commgate's $view run failed:"; tail -20 "$OUT/nccl-$view.log"; }
  done
  # The same graph with no harness around it (bench/rotating_copy.cu), with both allocators.
  nvcc -O2 -arch=sm_90 -o /tmp/rotating_copy bench/rotating_copy.cu -I"$nccl_home/include" -L"$nccl_lib" -lnccl -lcuda \
    && for allocator in cudaMalloc cuMemCreate; do
      LD_LIBRARY_PATH=$nccl_lib:${LD_LIBRARY_PATH:-} /tmp/rotating_copy $allocator nccl random | tee -a "$OUT/rotating-copy.txt"
    done
  for run in $runs; do
    echo "-- beside all_reduce_perf -G ${run%:*} -c ${run#*:}"
    python3 bench/nccl_tests_compare.py "$OUT/all_reduce_perf-G${run/:/-c}.txt" "$OUT/nccl-cold.json" "$OUT/nccl-warm.json" \
      | tee "$OUT/nccl-tests-compare-G${run/:/-c}.txt"
  done
fi
