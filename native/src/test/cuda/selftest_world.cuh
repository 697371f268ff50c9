// One GPU plays `ranks` ranks: separate cudaMalloc buffers per rank (input, output, signal area
// with two-shot scratch, push area), one stream per rank, and the 48 one-shot, two-shot, symmetric
// two-shot and push kernels of allreduce.cu launched through cudaLaunchKernel with a parameter
// array, as the Java host does with cuLaunchKernel. (Its 12 multimem kernels need a multicast
// object across GPUs, which one GPU cannot play; they are not tested here.)
#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "allreduce.cu"

#define SELFTEST_CHECK(call)                                                              \
  do {                                                                                    \
    cudaError_t status_ = (call);                                                         \
    if (status_ != cudaSuccess) {                                                         \
      std::fprintf(stderr, "FAIL %s:%d %s: %s\n", __FILE__, __LINE__, #call,              \
                   cudaGetErrorString(status_));                                          \
      std::exit(2);                                                                       \
    }                                                                                     \
  } while (0)

enum class Algorithm { oneshot, twoshot, symm_twoshot, push };
constexpr Algorithm kAlgorithms[] = {Algorithm::oneshot, Algorithm::twoshot, Algorithm::symm_twoshot,
                                     Algorithm::push};
enum class Dtype { bf16, fp16, fp32 };

inline const char* name_of(Algorithm a) {
  return a == Algorithm::oneshot   ? "oneshot"
         : a == Algorithm::twoshot ? "twoshot"
         : a == Algorithm::push    ? "push"
                                   : "symm_twoshot";
}
inline const char* name_of(Dtype d) {
  return d == Dtype::bf16 ? "bf16" : d == Dtype::fp16 ? "fp16" : "fp32";
}

struct KernelEntry {
  Algorithm algorithm;
  Dtype dtype;
  int ranks;
  const void* function;
};

#define SELFTEST_ENTRY(a, d, r) \
  {Algorithm::a, Dtype::d, r, reinterpret_cast<const void*>(&commgate_##a##_##d##_##r)}
#define SELFTEST_ENTRIES(a, d) \
  SELFTEST_ENTRY(a, d, 2), SELFTEST_ENTRY(a, d, 4), SELFTEST_ENTRY(a, d, 6), SELFTEST_ENTRY(a, d, 8)
#define SELFTEST_ALGORITHM(a) SELFTEST_ENTRIES(a, bf16), SELFTEST_ENTRIES(a, fp16), SELFTEST_ENTRIES(a, fp32)

inline const void* kernel_for(Algorithm a, Dtype d, int ranks) {
  static const KernelEntry kTable[] = {SELFTEST_ALGORITHM(oneshot), SELFTEST_ALGORITHM(twoshot),
                                       SELFTEST_ALGORITHM(symm_twoshot), SELFTEST_ALGORITHM(push)};
  for (const KernelEntry& e : kTable) {
    if (e.algorithm == a && e.dtype == d && e.ranks == ranks) return e.function;
  }
  std::fprintf(stderr, "FAIL no kernel %s %s %d\n", name_of(a), name_of(d), ranks);
  std::exit(2);
}

// Kills the process when a launch never finishes (a barrier that waits forever): a hang must
// become a FAIL line and a non-zero exit, not a stuck CI job.
class Watchdog {
 public:
  explicit Watchdog(const std::string& what, int seconds = 20) : armed_(true) {
    thread_ = std::thread([this, what, seconds] {
      for (int tenth = 0; tenth < seconds * 10; ++tenth) {
        if (!armed_.load()) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      std::printf("FAIL %s: no progress after %d s (a barrier hangs)\n", what.c_str(), seconds);
      std::fflush(stdout);
      std::_Exit(3);
    });
  }
  ~Watchdog() {
    armed_.store(false);
    thread_.join();
  }

 private:
  std::atomic<bool> armed_;
  std::thread thread_;
};

// Fills a push area's receive buffers with the sentinel (the Java host uses cuMemsetD32).
__global__ void fill_words(uint32_t* words, long long count, uint32_t value) {
  for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < count;
       i += (long long)gridDim.x * blockDim.x) {
    words[i] = value;
  }
}

// Push slots hold at most 8 MiB: the largest correctness size, and the bandwidth rows push takes.
constexpr long long kPushMaxSlotVectors = (8LL << 20) / commgate::kVectorBytes;

struct World {
  int ranks = 0;
  long long max_vectors = 0;
  long long push_slot_vectors = 0;
  int sms = 0;
  int resident = 0;  // blocks per rank that fit on the GPU with every other rank's
  commgate::Peers inputs{}, outputs{}, signals{}, push_areas{};
  std::vector<cudaStream_t> streams;
  std::vector<cudaEvent_t> joined;
  cudaEvent_t forked{};

  World(int ranks_, long long max_vectors_)
      : ranks(ranks_),
        max_vectors(max_vectors_),
        push_slot_vectors(max_vectors_ < kPushMaxSlotVectors ? max_vectors_ : kPushMaxSlotVectors) {
    const size_t bytes = static_cast<size_t>(max_vectors) * commgate::kVectorBytes;
    SELFTEST_CHECK(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0));
    SELFTEST_CHECK(cudaEventCreateWithFlags(&forked, cudaEventDisableTiming));
    streams.resize(ranks);
    joined.resize(ranks);
    for (int r = 0; r < ranks; ++r) {
      SELFTEST_CHECK(cudaMalloc(&inputs.ptr[r], bytes));
      SELFTEST_CHECK(cudaMalloc(&outputs.ptr[r], bytes));
      // Signal at offset 0, two-shot scratch at kSignalBytes; zeroed once, never again.
      const size_t signal_bytes =
          commgate::kSignalBytes + commgate::twoshot_scratch_bytes(max_vectors, 2);
      SELFTEST_CHECK(cudaMalloc(&signals.ptr[r], signal_bytes));
      SELFTEST_CHECK(cudaMemset(signals.ptr[r], 0, commgate::kSignalBytes));
      // Push area: zeroed state, receive buffers full of the sentinel, once, never again.
      const size_t push_bytes = commgate::push_area_bytes(push_slot_vectors, ranks);
      SELFTEST_CHECK(cudaMalloc(&push_areas.ptr[r], push_bytes));
      SELFTEST_CHECK(cudaMemset(push_areas.ptr[r], 0, commgate::kPushStateBytes));
      fill_words<<<1024, 256>>>(
          reinterpret_cast<uint32_t*>(static_cast<char*>(push_areas.ptr[r]) + commgate::kPushStateBytes),
          static_cast<long long>((push_bytes - commgate::kPushStateBytes) / 4), commgate::kPushSentinel);
      SELFTEST_CHECK(cudaGetLastError());
      SELFTEST_CHECK(cudaStreamCreateWithFlags(&streams[r], cudaStreamNonBlocking));
      SELFTEST_CHECK(cudaEventCreateWithFlags(&joined[r], cudaEventDisableTiming));
    }
    resident = resident_blocks_per_rank();
    if (resident < 1) {
      std::fprintf(stderr, "FAIL %d ranks do not fit on one GPU at one block each\n", ranks);
      std::exit(2);
    }
    SELFTEST_CHECK(cudaDeviceSynchronize());
  }

  ~World() {
    for (int r = 0; r < ranks; ++r) {
      cudaFree(inputs.ptr[r]), cudaFree(outputs.ptr[r]), cudaFree(signals.ptr[r]);
      cudaFree(push_areas.ptr[r]);
      cudaStreamDestroy(streams[r]), cudaEventDestroy(joined[r]);
    }
    cudaEventDestroy(forked);
  }

  // The grid every rank launches: launch_blocks(vectors) as on real GPUs, but capped so that
  // the blocks of all `ranks` kernels fit on this one GPU at once (a rank whose blocks wait for
  // SM space while the others spin in a barrier would deadlock; on real hardware each rank has
  // its own GPU). One cap for all kernels of this world size: the lowest occupancy of the twelve.
  int resident_blocks_per_rank() const {
    int fewest = 1 << 30;
    for (Algorithm a : kAlgorithms) {
      for (Dtype d : {Dtype::bf16, Dtype::fp16, Dtype::fp32}) {
        int per_sm = 0;
        SELFTEST_CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(
            &per_sm, kernel_for(a, d, ranks), commgate::kThreads, 0));
        fewest = per_sm < fewest ? per_sm : fewest;
      }
    }
    return fewest * sms / ranks;
  }
  // push launches one grid for every size: the one for a full slot.
  int blocks_for(Algorithm a, long long vectors) const {
    const int blocks =
        commgate::launch_blocks(a == Algorithm::push ? push_slot_vectors : vectors);
    return blocks < resident ? blocks : resident;
  }

  // The kernel's buffers for rank r: symm_twoshot reduces the inputs in place.
  void launch(Algorithm a, Dtype d, int r, long long vectors) {
    const void* kernel = kernel_for(a, d, ranks);
    int rank = r;
    void* input = inputs.ptr[r];
    void* output = outputs.ptr[r];
    void* two_buffers[] = {&inputs, &signals, &output, &rank, &vectors};
    void* symm[] = {&inputs, &signals, &rank, &vectors};
    void* push[] = {&push_areas, &input, &output, &rank, &vectors, &push_slot_vectors};
    void** args = a == Algorithm::symm_twoshot ? symm : a == Algorithm::push ? push : two_buffers;
    SELFTEST_CHECK(cudaLaunchKernel(kernel, dim3(blocks_for(a, vectors)), dim3(commgate::kThreads),
                                    args, 0, streams[r]));
  }

  void* result_of(Algorithm a, int r) const {
    return a == Algorithm::symm_twoshot ? inputs.ptr[r] : outputs.ptr[r];
  }

  // Fork the rank streams off stream 0 and join them back, so that stream 0 alone can be
  // captured into a graph or timed with events.
  void fork() {
    SELFTEST_CHECK(cudaEventRecord(forked, streams[0]));
    for (int r = 1; r < ranks; ++r) SELFTEST_CHECK(cudaStreamWaitEvent(streams[r], forked, 0));
  }
  void join() {
    for (int r = 1; r < ranks; ++r) {
      SELFTEST_CHECK(cudaEventRecord(joined[r], streams[r]));
      SELFTEST_CHECK(cudaStreamWaitEvent(streams[0], joined[r], 0));
    }
  }

  template <typename Body>
  cudaGraphExec_t capture(Body body) {
    cudaGraph_t graph;
    cudaGraphExec_t exec;
    SELFTEST_CHECK(cudaStreamBeginCapture(streams[0], cudaStreamCaptureModeGlobal));
    fork();
    body();
    join();
    SELFTEST_CHECK(cudaStreamEndCapture(streams[0], &graph));
    SELFTEST_CHECK(cudaGraphInstantiate(&exec, graph, 0));
    SELFTEST_CHECK(cudaGraphDestroy(graph));
    return exec;
  }
};
