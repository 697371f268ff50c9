// Loopback bandwidth: all ranks on one GPU, so every "peer" access is a local HBM access and the
// number to look at is how close the kernels get to a device-to-device cudaMemcpy of the same
// size, measured in the same run. Bytes moved per all-reduce of B bytes, summed over n ranks:
//   oneshot:       each rank reads n x B (all inputs), writes B             -> n (n + 1) B
//   twoshot:       each rank reads n x B/n and writes B/n (reduce-scatter),
//                  then reads B (all slices) and writes B (all-gather)       -> (3n + 1) B
//   symm_twoshot:  each rank reads n x B/n and writes n x B/n (push)        -> 2 n B
//   push:          each rank reads B and writes (n - 1) B (pushes), writes
//                  (n - 1) B (resets), reads n B (receives) and writes B     -> 3 n^2 B
//   memcpy:        reads B, writes B                                         -> 2 B
// push rows stop at its slot size (kPushMaxSlotVectors) and launch the grid of a full slot.
// GB/s = bytes moved / time per all-reduce (1 GB = 1e9 B).
#pragma once

#include "selftest_world.cuh"

namespace selftest {

constexpr int kBenchLaunchesPerGraph = 20;
constexpr int kBenchWarmupReplays = 3;
constexpr int kBenchTimedReplays = 10;

inline double bytes_moved(Algorithm a, int n, double b) {
  switch (a) {
    case Algorithm::oneshot: return n * (n + 1.0) * b;
    case Algorithm::twoshot: return (3.0 * n + 1.0) * b;
    case Algorithm::push: return 3.0 * n * n * b;
    default: return 2.0 * n * b;
  }
}

// Microseconds per operation that `body` enqueues kBenchLaunchesPerGraph times, from one
// captured graph replayed kBenchTimedReplays times between two events on stream 0.
template <typename Body>
double time_per_op_us(World& world, const char* what, Body body) {
  cudaGraphExec_t exec = world.capture([&] {
    for (int i = 0; i < kBenchLaunchesPerGraph; ++i) body();
  });
  cudaEvent_t start, stop;
  SELFTEST_CHECK(cudaEventCreate(&start));
  SELFTEST_CHECK(cudaEventCreate(&stop));
  float ms = 0;
  {
    Watchdog watchdog(what);
    for (int i = 0; i < kBenchWarmupReplays; ++i) SELFTEST_CHECK(cudaGraphLaunch(exec, world.streams[0]));
    SELFTEST_CHECK(cudaEventRecord(start, world.streams[0]));
    for (int i = 0; i < kBenchTimedReplays; ++i) SELFTEST_CHECK(cudaGraphLaunch(exec, world.streams[0]));
    SELFTEST_CHECK(cudaEventRecord(stop, world.streams[0]));
    SELFTEST_CHECK(cudaEventSynchronize(stop));
  }
  SELFTEST_CHECK(cudaEventElapsedTime(&ms, start, stop));
  SELFTEST_CHECK(cudaEventDestroy(start));
  SELFTEST_CHECK(cudaEventDestroy(stop));
  SELFTEST_CHECK(cudaGraphExecDestroy(exec));
  return 1000.0 * ms / (kBenchTimedReplays * kBenchLaunchesPerGraph);
}

inline void print_bandwidth_header() {
  std::printf("\n%-12s %5s %9s %6s %10s %10s %9s | %10s %9s %6s\n", "algorithm", "ranks", "size",
              "blocks", "time_us", "moved_MB", "GB/s", "memcpy_us", "GB/s", "ratio");
}

inline void bandwidth_rows(World& world) {
  const size_t sizes[] = {256u << 10, 512u << 10, 768u << 10, 1u << 20, 2u << 20, 8u << 20, 64u << 20};
  for (size_t bytes : sizes) {
    const long long vectors = static_cast<long long>(bytes / commgate::kVectorBytes);
    if (vectors > world.max_vectors) continue;
    const double copy_us = time_per_op_us(world, "memcpy", [&] {
      SELFTEST_CHECK(cudaMemcpyAsync(world.outputs.ptr[0], world.inputs.ptr[0], bytes,
                                     cudaMemcpyDeviceToDevice, world.streams[0]));
    });
    const double copy_gbs = 2.0 * bytes / (copy_us * 1e3);
    for (Algorithm a : kAlgorithms) {
      if (a == Algorithm::push && vectors > world.push_slot_vectors) continue;
      const double us = time_per_op_us(world, name_of(a), [&] {
        for (int r = 0; r < world.ranks; ++r) world.launch(a, Dtype::bf16, r, vectors);
      });
      const double moved = bytes_moved(a, world.ranks, static_cast<double>(bytes));
      const double gbs = moved / (us * 1e3);
      std::printf("%-12s %5d %6zu KiB %6d %10.2f %10.2f %9.1f | %10.2f %9.1f %6.2f\n", name_of(a),
                  world.ranks, bytes >> 10, world.blocks_for(a, vectors), us, moved / (1 << 20), gbs,
                  copy_us, copy_gbs, gbs / copy_gbs);
      std::fflush(stdout);
    }
  }
}

}  // namespace selftest
