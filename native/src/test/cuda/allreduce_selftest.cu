// Self-test and loopback benchmark of commgate's all-reduce kernels on ONE GPU, which plays every
// rank (separate buffers, one stream per rank, no IPC). Build and run from the repository root:
//
//   nvcc -O3 -std=c++17 -arch=sm_90 -o selftest native/src/test/cuda/allreduce_selftest.cu \
//        -I native/src/main/cuda
//   ./selftest                 # correctness, then the bandwidth table
//   ./selftest correctness     # or: ./selftest bandwidth
//
// Prints one PASS/FAIL line per case and exits 0 only when every case passed (1: a wrong result,
// 2: a CUDA error, 3: a hang). The kernels are the extern "C" ones of allreduce.cu, launched
// with a parameter array as the Java host launches them.
#include "selftest_bandwidth.cuh"
#include "selftest_correctness.cuh"
#include "selftest_world.cuh"

namespace {

// From one vector up to 8 MiB, with sizes below the world size and sizes that no world size
// divides (the last rank's two-shot slice takes the remainder).
constexpr long long kSizesInVectors[] = {1, 2, 3, 7, 255, 515, 12293, 65543, 524288};
// Sizes that change every launch: a small launch after a large one must still reset (push) or
// reduce everything the large one left, and a large launch after a small one must not read it.
const std::vector<long long> kMixedSizes = {65543, 3, 12293, 7};
constexpr int kWorldSizes[] = {2, 4, 6, 8};
constexpr int kBenchWorldSizes[] = {2, 4, 8};
constexpr long long kCorrectnessMaxVectors = 524288;  // 8 MiB
constexpr long long kBenchMaxVectors = (64LL << 20) / commgate::kVectorBytes;

void correctness(World& world, int& passed, int& failed) {
  selftest::Correctness test(world);
  for (bool graph : {false, true}) {
    for (Algorithm a : kAlgorithms) {
      for (Dtype d : {Dtype::bf16, Dtype::fp16, Dtype::fp32}) {
        for (long long vectors : kSizesInVectors) test.run(a, d, vectors, graph);
        test.run(a, d, kMixedSizes, "vectors=65543,3,12293,7 in turn", graph);
      }
    }
  }
  passed += test.passed;
  failed += test.failed;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  const bool run_correctness = only.empty() || only == "correctness";
  const bool run_bandwidth = only.empty() || only == "bandwidth";
  if (!run_correctness && !run_bandwidth) {
    std::fprintf(stderr, "usage: %s [correctness|bandwidth]\n", argv[0]);
    return 2;
  }
  // note: with lazy loading (the default since CUDA 12.2) the first launch of a kernel loads it,
  // and a load can wait for the kernels already running: here, an all-reduce that spins until
  // another rank's stream gets its turn. Load everything up front instead.
  setenv("CUDA_MODULE_LOADING", "EAGER", 1);
  cudaDeviceProp prop;
  SELFTEST_CHECK(cudaGetDeviceProperties(&prop, 0));
  std::printf("device 0: %s, %d SMs, sm_%d%d\n", prop.name, prop.multiProcessorCount, prop.major,
              prop.minor);

  int passed = 0, failed = 0;
  if (run_correctness) {
    for (int ranks : kWorldSizes) {
      World world(ranks, kCorrectnessMaxVectors);
      std::printf("== %d ranks: at most %d blocks per rank fit on this GPU with the other ranks'\n",
                  ranks, world.resident);
      correctness(world, passed, failed);
    }
  }
  if (run_bandwidth) {
    selftest::print_bandwidth_header();
    for (int ranks : kBenchWorldSizes) {
      World world(ranks, kBenchMaxVectors);
      selftest::bandwidth_rows(world);
    }
  }
  if (run_correctness) std::printf("\n%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
