#!/usr/bin/env bash
# What we run on the GPU machine (no Java, no network there): the GPU-tagged JUnit tests, the
# bundled example through an offline Maven, and the PyTorch/ctypes NCCL reference in the same
# call. Prepare here with
#   ../shared/gpu/bundle.sh example -Dcommgate.skip=true
#   cp ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.14.4/*.jar .gpu/junit-console.jar
# and carry .gpu, plugin/target/classes and plugin/target/test-classes. Results land in $OUT.
set -u
source .gpu/activate
# Never multicast on borrowed machines (see DEVELOPERS.md): NVLS off in NCCL and PyTorch.
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
OUT=${OUT:-/tmp/commgate-gpu}
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$OUT/gpu.txt"

m2=.gpu/m2
jars=$(find "$m2" -name '*.jar' \( -path '*bytedeco*' -o -path '*jackson*' -o -path '*commgate-native*' \) | tr '\n' ':')
cp="plugin/target/classes:plugin/target/test-classes:${jars}.gpu/junit-console.jar"
echo "== GPU-tagged JUnit tests"
java --add-modules=ALL-SYSTEM -cp "$cp" org.junit.platform.console.ConsoleLauncher execute \
  --select-package io.github.commgate.comm.cuda --include-tag gpu --details=tree --disable-banner 2>&1 | tee "$OUT/gpu-tests.txt" | tail -40

echo "== mvn verify of the example (default sweep)"
start=$(date +%s%N)
mvn $MAVEN_ARGS -f example verify ${EXAMPLE_ARGS:-} > "$OUT/example-verify.log" 2>&1
status=$?
end=$(date +%s%N)
grep -E "commgate|Tensor|\(|BUILD|ERROR" "$OUT/example-verify.log" | grep -v Download | tail -40
echo "maven exit $status, wall $(( (end - start) / 1000000 )) ms"
cp example/target/commgate/results.json "$OUT/" 2>/dev/null
cp example/target/commgate/logs/rank-0.log "$OUT/" 2>/dev/null

echo "== Loopback bandwidth of our kernels (one GPU plays every rank; native/src/test/cuda)"
nvcc -O3 -std=c++17 -arch=sm_90 -o /tmp/commgate-selftest native/src/test/cuda/allreduce_selftest.cu -I native/src/main/cuda \
  && /tmp/commgate-selftest ${SELFTEST:-bandwidth} 2>&1 | tee "$OUT/selftest.txt" | tail -45

echo "== Python reference (ctypes ncclAllReduce in a torch CUDA graph)"
start=$(date +%s%N)
python3 bench/nccl_reference.py --ours example/target/commgate/results.json 2>&1 | tee "$OUT/python-reference.txt"
end=$(date +%s%N)
echo "python wall (with torch import) $(( (end - start) / 1000000 )) ms" | tee -a "$OUT/python-reference.txt"
