// Bodies of commgate's all-reduce kernels, templated on the element type and the world size.
// allreduce.cu wraps each instantiation in an extern "C" kernel with a stable name; the launch
// contract (grid, block, parameters, memory the host allocates) is in allreduce_abi.cuh.
//
// All three algorithms sum in rank order 0..kRanks-1 with fp32 accumulation and one rounding, so
// they produce bitwise the same result as each other, on every rank.
#pragma once

#include "allreduce_abi.cuh"
#include "allreduce_sync.cuh"
#include "allreduce_vector.cuh"

namespace commgate {

// The grid-stride loop of every stage: thread `first` of the grid handles vectors first,
// first + stride, ... Every rank launches the same grid, so the mapping is the same on every rank,
// which the two-shot all-gather relies on (see release_barrier).
struct GridStride {
  long long first;
  long long stride;
  __device__ static GridStride of_this_thread() {
    return {static_cast<long long>(blockIdx.x) * kThreads + threadIdx.x,
            static_cast<long long>(gridDim.x) * kThreads};
  }
};

// Vectors each thread loads per rank before it sums any of them. With 36 blocks of 512 threads
// one 16-byte load per rank and thread is too little in flight to cover memory latency; a batch
// of kBatch independent vectors multiplies that, and kBatch x kRanks x 4 registers of loaded data
// stay well inside the 128 registers that __launch_bounds__(kThreads, 1) allows.
template <int kRanks>
__host__ __device__ constexpr int batch_of() {
  return kRanks <= 2 ? 4 : kRanks <= 4 ? 2 : 1;
}

// Reduces vectors offset + i of every rank's source for i in [0, count) and hands each sum to
// store(i, sum). Thread `first` takes i = first, first + stride, ... exactly as a plain grid-stride
// loop would (the batches only change the order in which it issues them), so the two-shot's
// thread-to-element mapping is the same in both stages. Loads of a batch all go out before any
// store, which the compiler could not reorder itself (the store might alias a later load).
template <typename T, int kRanks, typename Store>
__device__ __forceinline__ void reduce_range(const Peers& sources, long long offset,
                                             long long count, Store store) {
  constexpr int kBatch = batch_of<kRanks>();
  const GridStride grid = GridStride::of_this_thread();
  long long i = grid.first;
  for (; i + (kBatch - 1) * grid.stride < count; i += kBatch * grid.stride) {
    uint4 loaded[kBatch][kRanks];
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
#pragma unroll
      for (int p = 0; p < kRanks; ++p) {
        loaded[u][p] = load_vector(sources.ptr[p], offset + i + u * grid.stride);
      }
    }
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      store(i + u * grid.stride, sum_in_rank_order<T, kRanks>(loaded[u]));
    }
  }
  // Tail: fewer than kBatch vectors left for this thread, still loaded all at once. Each stage
  // ends in such a tail, and one load per rank at a time there was measured to cost two-shot,
  // which has two stages, 0.7 us of 18.6 at 8 MiB (loopback, H100). It stays apart from the loop
  // above: one loop with these bounds checks inside measured slower (one-shot at 8 MiB 0.95 ->
  // 0.91 of the copy, 256 KiB 3.76 -> 3.95 us).
  if (i < count) {
    uint4 loaded[kBatch][kRanks];
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      if (i + u * grid.stride < count) {
#pragma unroll
        for (int p = 0; p < kRanks; ++p) {
          loaded[u][p] = load_vector(sources.ptr[p], offset + i + u * grid.stride);
        }
      }
    }
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      if (i + u * grid.stride < count) {
        store(i + u * grid.stride, sum_in_rank_order<T, kRanks>(loaded[u]));
      }
    }
  }
}

// The slice of the vectors that `rank` reduces in the two-shot algorithms: equal parts of
// vectors / kRanks, the last rank also takes the remainder (fewer than kRanks vectors).
template <int kRanks>
struct Slice {
  long long part;   // vectors / kRanks: the length of every slice but the last
  long long begin;  // first vector of this rank's slice
  long long count;  // vectors in this rank's slice
  __device__ static Slice of(int rank, long long vectors) {
    const long long part = vectors / kRanks;
    const long long begin = rank * part;
    return {part, begin, rank == kRanks - 1 ? vectors - begin : part};
  }
  // Slice lengths of a peer: all equal `part` except the last rank's.
  __device__ long long count_of(int peer, long long vectors) const {
    return peer == kRanks - 1 ? vectors - peer * part : part;
  }
};

__device__ __forceinline__ void* scratch_of(const Peers& signals, int rank) {
  return static_cast<char*>(signals.ptr[rank]) + kSignalBytes;
}

// One-shot (vLLM ca_1stage): every rank reads every rank's whole input over P2P and writes the
// sum into its local output. Best for small messages: one barrier round trip of latency, but
// kRanks x the bytes over the links.
template <typename T, int kRanks>
__device__ __forceinline__ void oneshot(const Peers& inputs, const Peers& signals, void* output,
                                        int rank, long long vectors) {
  require_launch_shape<kRanks>(rank);
  const uint32_t epoch = block_epoch(signal_of(signals, rank));
  start_barrier<kRanks>(signals, rank, epoch + 1);

  reduce_range<T, kRanks>(inputs, 0, vectors, [&](long long i, const uint4& sum) {
    store_vector_evict_first(output, i, sum);
  });

  // note: vLLM ends one-shot with a volatile barrier; we release/acquire because the host may
  // overwrite this rank's input as soon as the kernel returns (the next copy-in, the next graph
  // replay), and only the release orders each peer's loads of that input before its flag store.
  release_barrier<kRanks>(signals, rank, epoch + 2);
  finish_epoch(signal_of(signals, rank), epoch);
}

// Two-shot (vLLM ca_2stage): reduce-scatter into this rank's scratch (after its Signal), a
// release/acquire barrier, then an all-gather of every rank's reduced slice into the local
// output. Each element crosses the links twice instead of kRanks times: better for large sizes.
template <typename T, int kRanks>
__device__ __forceinline__ void twoshot(const Peers& inputs, const Peers& signals, void* output,
                                        int rank, long long vectors) {
  require_launch_shape<kRanks>(rank);
  const uint32_t epoch = block_epoch(signal_of(signals, rank));
  const Slice<kRanks> slice = Slice<kRanks>::of(rank, vectors);
  const GridStride grid = GridStride::of_this_thread();

  // note: the start barrier also protects scratch reuse: a peer may still read our scratch from
  // the previous launch's all-gather until it starts this launch (its previous kernel completed
  // before this one began on its stream), and we overwrite scratch only after seeing its flag.
  start_barrier<kRanks>(signals, rank, epoch + 1);

  void* own_scratch = scratch_of(signals, rank);
  reduce_range<T, kRanks>(
      inputs, slice.begin, slice.count,
      [&](long long i, const uint4& sum) { store_vector(own_scratch, i, sum); });

  // note: release/acquire publishes every rank's reduced slice. Thread x of block b reads
  // scratch[i] below exactly where thread x of block b on the owning rank wrote it above (same
  // GridStride on every rank), and only same-block accesses are ordered by the barrier.
  release_barrier<kRanks>(signals, rank, epoch + 2);

  // The longest slice is the last rank's; shorter slices simply stop earlier. Peers are visited
  // starting with this rank, so at any moment the ranks read from different peers. As in
  // reduce_range, a batch's loads all go out before its stores, and each thread visits the same
  // i as in the reduce-scatter.
  constexpr int kBatch = batch_of<kRanks>();
  const long long longest = slice.count_of(kRanks - 1, vectors);
  const auto gather = [&](long long i) {
    uint4 v[kBatch][kRanks];
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
#pragma unroll
      for (int step = 0; step < kRanks; ++step) {
        const int peer = (rank + step) % kRanks;
        const long long at = i + u * grid.stride;
        if (at < slice.count_of(peer, vectors)) {
          v[u][step] = load_vector_evict_first(scratch_of(signals, peer), at);
        }
      }
    }
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
#pragma unroll
      for (int step = 0; step < kRanks; ++step) {
        const int peer = (rank + step) % kRanks;
        const long long at = i + u * grid.stride;
        if (at < slice.count_of(peer, vectors)) {
          store_vector_evict_first(output, peer * slice.part + at, v[u][step]);
        }
      }
    }
  };
  // Every access is checked against its owner's slice, so the tail is just one more batch.
  for (long long i = grid.first; i < longest; i += kBatch * grid.stride) gather(i);
  // note: no end barrier. After the release barrier nobody reads our input again in this launch,
  // our output is local, and our scratch is guarded by the next launch's start barrier (above),
  // which also holds under graph replay: the counters live in memory, not in the graph.
  finish_epoch(signal_of(signals, rank), epoch);
}

// Symmetric in-place two-shot (PyTorch symm_mem two_shot_all_reduce_, restated): every rank
// reduces its slice of all ranks' buffers and writes the result into that slice of EVERY rank's
// buffer. No scratch; the result lands in the buffers the inputs came from.
template <typename T, int kRanks>
__device__ __forceinline__ void symm_twoshot(const Peers& buffers, const Peers& signals, int rank,
                                             long long vectors) {
  require_launch_shape<kRanks>(rank);
  const uint32_t epoch = block_epoch(signal_of(signals, rank));
  const Slice<kRanks> slice = Slice<kRanks>::of(rank, vectors);

  // note: after this barrier every rank is inside this launch, so its copy-in (earlier on its
  // stream) is complete and its host will not touch its buffer until it returns. Only this
  // rank reads or writes its slice in any buffer, and one thread reads element i from all buffers
  // before writing it back to all, so the stage itself needs no further ordering.
  start_barrier<kRanks>(signals, rank, epoch + 1);

  reduce_range<T, kRanks>(
      buffers, slice.begin, slice.count, [&](long long i, const uint4& sum) {
#pragma unroll
        for (int step = 0; step < kRanks; ++step) {
          store_vector(buffers.ptr[(rank + step) % kRanks], slice.begin + i, sum);
        }
      });

  // note: release/acquire so that, when this rank's kernel completes, the slices every peer
  // pushed into our buffer are visible here (each block acquires from the same block of every
  // peer, and together the blocks cover every slice), and so that no peer still writes into
  // our buffer once the host copies the result out or fills it again.
  release_barrier<kRanks>(signals, rank, epoch + 2);
  finish_epoch(signal_of(signals, rank), epoch);
}

}  // namespace commgate
