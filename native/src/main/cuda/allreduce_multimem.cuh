// symm-multimem: an in-place all-reduce through a multicast object (NVLink SHARP), after the
// algorithm of PyTorch's symm_mem multimem_all_reduce_ (restated, not copied; the barriers are
// those of our other kernels). Every rank's buffer is bound to one multicast object; a
// load-reduce through the multicast address makes the NVSwitch read that address on every rank
// and sum the values, and a store through it writes the sum to every rank. Rank r does both for
// its own slice of the vectors.
//
// multimem PTX exists only on sm_90 and newer. The sm_80 body traps; the host never launches it,
// because a GPU without multicast (every sm_80 one) makes symm-multimem skip.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdint>

#include "allreduce_abi.cuh"
#include "allreduce_sync.cuh"

namespace commgate {

// Vectors in each rank's slice: ceil(vectors / ranks). Rank r takes [r * part, (r + 1) * part)
// cut at `vectors`, so the last ranks' slices may be shorter or empty (no remainder rank, unlike
// the two-shot's Slice: here every rank's work is one load-reduce and one store per vector, and
// equal slices keep the ranks in step).
__host__ __device__ constexpr long long multimem_slice_vectors(long long vectors, int ranks) {
  return (vectors + ranks - 1) / ranks;
}

// Grid of a multimem launch: enough blocks for one slice (every rank launches the same grid, so
// blocks pair up in the barriers), within the kMaxBlocks the Signal arrays are sized for.
__host__ __device__ constexpr int multimem_launch_blocks(long long vectors, int ranks) {
  return launch_blocks(multimem_slice_vectors(vectors, ranks));
}
static_assert(multimem_launch_blocks(8 * 512, 8) == 1 && multimem_launch_blocks(8 * 513, 8) == 2, "");
static_assert(multimem_launch_blocks(1LL << 40, 2) == kMaxBlocks, "");

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900

// One 16-byte vector loaded from every rank through the multicast address and summed by the
// switch. bf16 and fp16 accumulate in fp32 (.acc::f32) and round once; fp32 sums in fp32.
// note: .relaxed.sys: the access itself orders nothing; the barriers around the loop do.
template <typename T>
struct MultimemReduce;

// The three specialisations differ only in the PTX type suffix, which asm needs as a literal.
#define COMMGATE_MULTIMEM_REDUCE(T, SUFFIX)                                                    \
  template <>                                                                                 \
  struct MultimemReduce<T> {                                                                  \
    __device__ static uint4 load(const void* address) {                                       \
      uint4 v;                                                                                \
      asm volatile("multimem.ld_reduce.relaxed.sys.global.add" SUFFIX " {%0, %1, %2, %3}, [%4];" \
                   : "=r"(v.x), "=r"(v.y), "=r"(v.z), "=r"(v.w)                               \
                   : "l"(address)                                                             \
                   : "memory");                                                               \
      return v;                                                                               \
    }                                                                                         \
  };

COMMGATE_MULTIMEM_REDUCE(__nv_bfloat16, ".acc::f32.v4.bf16x2")
COMMGATE_MULTIMEM_REDUCE(__half, ".acc::f32.v4.f16x2")
COMMGATE_MULTIMEM_REDUCE(float, ".v4.f32")
#undef COMMGATE_MULTIMEM_REDUCE

// Stores one 16-byte vector to the same address on every rank. The 16 bytes are moved as four
// f32 lanes whatever T is: the store does no arithmetic, so the bits arrive unchanged.
__device__ __forceinline__ void multimem_store(void* address, const uint4& v) {
  asm volatile("multimem.st.relaxed.sys.global.v4.f32 [%0], {%1, %2, %3, %4};" ::"l"(address),
               "r"(v.x), "r"(v.y), "r"(v.z), "r"(v.w)
               : "memory");
}

// note: the buffers are reached through two virtual aliases of the same memory: the multicast
// address (multimem here) and each rank's unicast address (the host's copy-in and copy-out). The
// memory model orders accesses through different aliases only across a proxy fence or a kernel
// boundary, so this thread fences between its multimem accesses and the barrier's flag accesses
// (unicast, generic proxy) that carry their ordering to the other ranks.
__device__ __forceinline__ void multicast_alias_fence() {
  asm volatile("fence.proxy.alias;" ::: "memory");
}

#endif  // __CUDA_ARCH__ >= 900

// The kernel body. `multicast` is the multicast address of the buffers (byte 0 of every rank's
// buffer); `signals` are the ranks' Signal areas through unicast (peer-mapped) pointers.
template <typename T, int kRanks>
__device__ __forceinline__ void multimem_allreduce(void* multicast, const Peers& signals, int rank,
                                                   long long vectors) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  require_launch_shape<kRanks>(rank);
  Signal* self = signal_of(signals, rank);
  const uint32_t epoch = block_epoch(self);
  const long long part = multimem_slice_vectors(vectors, kRanks);
  const long long begin = rank * part < vectors ? rank * part : vectors;
  const long long end = begin + part < vectors ? begin + part : vectors;

  // note: relaxed (volatile) start barrier, as in the other kernels: every rank has entered this
  // launch, so its copy-in (earlier on its stream, finished before its kernel began) is in its
  // buffer, and no rank still reads or writes this launch's data from the previous one (that
  // ended at the previous release barrier).
  start_barrier<kRanks>(signals, rank, epoch + 1);

  uint4* const vectors_of_all = static_cast<uint4*>(multicast);
  const long long stride = static_cast<long long>(gridDim.x) * kThreads;
  for (long long i = begin + static_cast<long long>(blockIdx.x) * kThreads + threadIdx.x; i < end;
       i += stride) {
    // Only this rank touches this slice during the launch, and the same thread loads and then
    // stores each vector, so the loop needs no ordering of its own.
    multimem_store(vectors_of_all + i, MultimemReduce<T>::load(vectors_of_all + i));
  }

  // note: fence, then release/acquire at system scope: when this rank's kernel completes, every
  // peer's multimem stores into our buffer (block b of each peer stored the part of its slice that
  // block b of every rank waits for; together the blocks cover all slices) are visible to our
  // copy-out, and no peer still writes into our buffer when our host fills it again. The first
  // fence puts this thread's multimem stores before the flag store that releases them; the second
  // puts the peers' stores, acquired through the flag, before any later access through the
  // unicast alias. The copy-out is after the kernel boundary, which orders aliases anyway, so the
  // second fence is belt and braces: one instruction per thread and launch.
  multicast_alias_fence();
  release_barrier<kRanks>(signals, rank, epoch + 2);
  multicast_alias_fence();
  finish_epoch(self, epoch);
#else
  // multimem needs sm_90; the host skips symm-multimem on every GPU without multicast.
  (void)multicast, (void)signals, (void)rank, (void)vectors;
  __trap();
#endif
}

}  // namespace commgate
