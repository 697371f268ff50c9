// Correctness: every launch of every case is checked on the device against the exact sum, with
// inputs that change every launch (so a stale read or a missing write shows), eagerly and under
// CUDA graph replay; at the end every rank's result is compared bitwise with rank 0's.
#pragma once

#include "selftest_world.cuh"

namespace selftest {

constexpr int kEagerLaunches = 300;     // consecutive all-reduces: counters advance far
constexpr int kGraphLaunches = 10;      // all-reduces captured into one graph...
constexpr int kGraphReplays = 30;       // ...replayed this often (300 all-reduces)
constexpr int kHelperThreads = 256;
constexpr int kHelperMaxBlocks = 1024;

// Quarter-integers in [-2, 2]: any sum of up to 8 of them is a multiple of 0.25 within
// [-16, 16], which bf16 (8 significant bits), fp16 and fp32 all hold exactly, so the exact sum is
// the only right answer whatever the rounding. The epoch changes the values every launch.
// Zeros carry both signs: odd ranks send -0 where the value is zero, and one element in 53 is -0
// on every rank. A push that sent -0 as it is would send its sentinel (hang or wrong sum).
__host__ __device__ inline float input_value(int rank, long long element, unsigned epoch) {
  if (element % 53 == 11) return -0.0f;
  const long long k = (element * 7 + rank * 13 + static_cast<long long>(epoch) * 5) % 17;
  if (k == 8) return rank % 2 == 1 ? -0.0f : 0.0f;
  return (static_cast<float>(k) - 8.0f) * 0.25f;
}

// The right answer: the inputs summed in rank order from rank 0's value, in fp32 (exact here).
// push sends -0 as +0, so where every rank's input is -0 its sum is +0, the others' -0.
__host__ __device__ inline float exact_sum(int ranks, long long element, unsigned epoch,
                                           bool zeros_sent_positive) {
  float sum = 0.0f;
  for (int p = 0; p < ranks; ++p) {
    float x = input_value(p, element, epoch);
    if (zeros_sent_positive && x == 0.0f) x = 0.0f;
    sum = p == 0 ? x : sum + x;
  }
  return sum;
}

template <typename T> __device__ T from_float(float x);
template <> __device__ float from_float<float>(float x) { return x; }
template <> __device__ __half from_float<__half>(float x) { return __float2half_rn(x); }
template <> __device__ __nv_bfloat16 from_float<__nv_bfloat16>(float x) { return __float2bfloat16_rn(x); }

__device__ inline unsigned bits_of(float x) { return __float_as_uint(x); }
__device__ inline unsigned bits_of(__half x) { return __half_as_ushort(x); }
__device__ inline unsigned bits_of(__nv_bfloat16 x) { return __bfloat16_as_ushort(x); }

template <typename T>
__global__ void fill(T* data, long long elements, int rank, const unsigned* epoch) {
  const unsigned e = *epoch;
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < elements;
       i += (long long)gridDim.x * blockDim.x) {
    data[i] = from_float<T>(input_value(rank, i, e));
  }
}

template <typename T>
__global__ void check(const T* data, long long elements, int ranks, bool zeros_sent_positive,
                      const unsigned* epoch, unsigned long long* errors) {
  const unsigned e = *epoch;
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < elements;
       i += (long long)gridDim.x * blockDim.x) {
    const float exact = exact_sum(ranks, i, e, zeros_sent_positive);
    if (bits_of(data[i]) != bits_of(from_float<T>(exact))) atomicAdd(errors, 1ULL);
  }
}

__global__ void advance(unsigned* epoch) { *epoch += 1; }

inline int lanes_of(Dtype d) { return d == Dtype::fp32 ? 4 : 8; }

struct Correctness {
  World& world;
  unsigned* epochs = nullptr;             // one per rank, always equal after a launch
  unsigned long long* errors = nullptr;   // one per rank
  int passed = 0, failed = 0;

  explicit Correctness(World& w) : world(w) {
    SELFTEST_CHECK(cudaMalloc(&epochs, sizeof(unsigned) * commgate::kMaxRanks));
    SELFTEST_CHECK(cudaMalloc(&errors, sizeof(unsigned long long) * commgate::kMaxRanks));
    SELFTEST_CHECK(cudaMemset(epochs, 0, sizeof(unsigned) * commgate::kMaxRanks));
  }
  ~Correctness() { cudaFree(epochs), cudaFree(errors); }

  template <typename T>
  void one_launch_typed(Algorithm a, Dtype d, int r, long long vectors) {
    const long long elements = vectors * lanes_of(d);
    const long long wanted = (elements + kHelperThreads - 1) / kHelperThreads;
    const int blocks = wanted < kHelperMaxBlocks ? static_cast<int>(wanted) : kHelperMaxBlocks;
    cudaStream_t s = world.streams[r];
    fill<T><<<blocks, kHelperThreads, 0, s>>>(static_cast<T*>(world.inputs.ptr[r]), elements, r,
                                              epochs + r);
    world.launch(a, d, r, vectors);
    check<T><<<blocks, kHelperThreads, 0, s>>>(static_cast<const T*>(world.result_of(a, r)),
                                               elements, world.ranks, a == Algorithm::push,
                                               epochs + r, errors + r);
    advance<<<1, 1, 0, s>>>(epochs + r);
    SELFTEST_CHECK(cudaGetLastError());
  }

  // One all-reduce on every rank, each on its own stream.
  void one_launch(Algorithm a, Dtype d, long long vectors) {
    for (int r = 0; r < world.ranks; ++r) {
      if (d == Dtype::bf16) one_launch_typed<__nv_bfloat16>(a, d, r, vectors);
      if (d == Dtype::fp16) one_launch_typed<__half>(a, d, r, vectors);
      if (d == Dtype::fp32) one_launch_typed<float>(a, d, r, vectors);
    }
  }

  void run(Algorithm a, Dtype d, long long vectors, bool graph) {
    char sizes[64];
    std::snprintf(sizes, sizeof sizes, "vectors=%lld (%lld B)", vectors,
                  vectors * commgate::kVectorBytes);
    run(a, d, std::vector<long long>{vectors}, sizes, graph);
  }

  // Launch i all-reduces sizes[i % sizes.size()] vectors: a kernel that keeps state across
  // launches (push resets what the previous launch received) must follow size changes.
  void run(Algorithm a, Dtype d, const std::vector<long long>& sizes, const char* what, bool graph) {
    const int launches = graph ? kGraphLaunches : kEagerLaunches;
    const long long last = sizes[(launches - 1) % sizes.size()];
    long long largest = 0;
    for (long long v : sizes) largest = v > largest ? v : largest;
    char label[200];
    std::snprintf(label, sizeof label, "%-12s %s ranks=%d %s blocks=%d %s", name_of(a), name_of(d),
                  world.ranks, what, world.blocks_for(a, largest),
                  graph ? "graph 10x30" : "eager x300");
    SELFTEST_CHECK(cudaMemset(errors, 0, sizeof(unsigned long long) * commgate::kMaxRanks));
    for (int r = 0; r < world.ranks; ++r) {
      // NaN until written
      SELFTEST_CHECK(cudaMemset(world.outputs.ptr[r], 0xff, largest * commgate::kVectorBytes));
    }
    SELFTEST_CHECK(cudaDeviceSynchronize());
    {
      Watchdog watchdog(label);
      if (graph) {
        cudaGraphExec_t exec = world.capture([&] {
          for (int i = 0; i < kGraphLaunches; ++i) one_launch(a, d, sizes[i % sizes.size()]);
        });
        for (int i = 0; i < kGraphReplays; ++i) SELFTEST_CHECK(cudaGraphLaunch(exec, world.streams[0]));
        SELFTEST_CHECK(cudaDeviceSynchronize());
        SELFTEST_CHECK(cudaGraphExecDestroy(exec));
      } else {
        for (int i = 0; i < kEagerLaunches; ++i) one_launch(a, d, sizes[i % sizes.size()]);
        SELFTEST_CHECK(cudaDeviceSynchronize());
      }
    }
    report(label, a, static_cast<size_t>(last) * commgate::kVectorBytes);
  }

  void report(const char* label, Algorithm a, size_t bytes) {
    unsigned long long wrong[commgate::kMaxRanks] = {};
    SELFTEST_CHECK(cudaMemcpy(wrong, errors, sizeof wrong, cudaMemcpyDeviceToHost));
    unsigned long long total = 0;
    for (int r = 0; r < world.ranks; ++r) total += wrong[r];
    std::vector<char> first(bytes), other(bytes);
    SELFTEST_CHECK(cudaMemcpy(first.data(), world.result_of(a, 0), bytes, cudaMemcpyDeviceToHost));
    int differing_ranks = 0;
    for (int r = 1; r < world.ranks; ++r) {
      SELFTEST_CHECK(cudaMemcpy(other.data(), world.result_of(a, r), bytes, cudaMemcpyDeviceToHost));
      differing_ranks += std::memcmp(first.data(), other.data(), bytes) != 0;
    }
    const bool ok = total == 0 && differing_ranks == 0;
    (ok ? passed : failed) += 1;
    std::printf("%s %s", ok ? "PASS" : "FAIL", label);
    if (!ok) std::printf(": %llu wrong elements, %d ranks differ from rank 0", total, differing_ranks);
    std::printf("\n");
    std::fflush(stdout);
  }
};

}  // namespace selftest
