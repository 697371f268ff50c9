// Cross-GPU barriers between blocks with the same blockIdx.x on every rank, after the protocol of
// vLLM's custom all-reduce (counters that only grow, separate start and end flag arrays).
#pragma once

#include <cstdint>

#include "allreduce_abi.cuh"

namespace commgate {

// note: st.volatile / ld.volatile are relaxed accesses at system scope: they reach the peer and
// are not cached, but order nothing else. Good enough for a flag that only says "I am here".
__device__ __forceinline__ void store_flag_volatile(uint32_t* flag, uint32_t value) {
  asm volatile("st.volatile.global.u32 [%0], %1;" ::"l"(flag), "r"(value) : "memory");
}

__device__ __forceinline__ uint32_t load_flag_volatile(const uint32_t* flag) {
  uint32_t value;
  asm volatile("ld.volatile.global.u32 %0, [%1];" : "=r"(value) : "l"(flag) : "memory");
  return value;
}

// note: st.release.sys makes every access this thread has observed before it (including, through
// the preceding bar.sync, the loads and stores of the whole block; release is cumulative) visible
// at system scope before the flag; ld.acquire.sys orders every later access of this thread (and,
// through the following bar.sync, of the whole block) after the flag. This pair is what carries
// data between GPUs; needs sm_70 or newer, which every target is.
__device__ __forceinline__ void store_flag_release(uint32_t* flag, uint32_t value) {
  asm volatile("st.release.sys.global.u32 [%0], %1;" ::"l"(flag), "r"(value) : "memory");
}

__device__ __forceinline__ uint32_t load_flag_acquire(const uint32_t* flag) {
  uint32_t value;
  asm volatile("ld.acquire.sys.global.u32 %0, [%1];" : "=r"(value) : "l"(flag) : "memory");
  return value;
}

__device__ __forceinline__ Signal* signal_of(const Peers& signals, int rank) {
  return static_cast<Signal*>(signals.ptr[rank]);
}

// The flag values of one launch for this block: the counter as the previous launch left it.
// Each barrier uses the next value (start: +1, release barrier: +2), so flags on every rank
// agree as long as every rank makes the same sequence of launches with the same grids.
__device__ __forceinline__ uint32_t block_epoch(const Signal* self) {
  // note: a plain load is enough: the previous launch on this rank wrote it, and the kernel
  // boundary on this rank's stream orders that write before this read.
  return self->counter[blockIdx.x];
}

// Called once per launch after the last barrier: at least one __syncthreads separates it from
// the block_epoch reads of the other threads, so no thread reads the new value in this launch.
__device__ __forceinline__ void finish_epoch(Signal* self, uint32_t epoch) {
  if (threadIdx.x == 0) self->counter[blockIdx.x] = epoch + 2;
}

// Start barrier: every rank's block has entered this launch. Thread t < kRanks stores the flag
// into peer t's start[b][rank] (t == rank stores locally) and waits for peer t's flag here.
//
// note: no memory ordering is needed. The data this launch reads (inputs, the peers' parts of
// in-place buffers, scratch) was written by earlier work on the owner's stream, which completed
// before the owner's kernel started and therefore before its flag store; and a peer's later
// writes into our memory happen only after it has seen our flag, i.e. after our kernel started.
template <int kRanks>
__device__ __forceinline__ void start_barrier(const Peers& signals, int rank, uint32_t flag) {
  Signal* self = signal_of(signals, rank);
  if (threadIdx.x < kRanks) {
    const int peer = static_cast<int>(threadIdx.x);
    store_flag_volatile(&signal_of(signals, peer)->start[blockIdx.x][rank], flag);
    while (load_flag_volatile(&self->start[blockIdx.x][peer]) != flag) {
    }
  }
  __syncthreads();
}

// Release/acquire barrier: every access of this block on every rank before the barrier happens
// before every access of this block on every rank after it.
//
// note: the first __syncthreads gathers the whole block's accesses under thread t's release
// store; the acquire load plus the second __syncthreads spread the peer's accesses to the whole
// block. Only blocks with the same blockIdx.x are ordered, which is why each kernel uses the same
// thread-to-element mapping on both sides of the barrier.
template <int kRanks>
__device__ __forceinline__ void release_barrier(const Peers& signals, int rank, uint32_t flag) {
  __syncthreads();
  Signal* self = signal_of(signals, rank);
  if (threadIdx.x < kRanks) {
    const int peer = static_cast<int>(threadIdx.x);
    store_flag_release(&signal_of(signals, peer)->end[blockIdx.x][rank], flag);
    while (load_flag_acquire(&self->end[blockIdx.x][peer]) != flag) {
    }
  }
  __syncthreads();
}

// A launch that breaks the ABI would index past the Signal arrays or leave peers waiting forever:
// fail loudly (the context reports cudaErrorLaunchFailure) instead of corrupting peer memory.
template <int kRanks>
__device__ __forceinline__ void require_launch_shape(int rank) {
  static_assert(kRanks >= 2 && kRanks <= kMaxRanks, "unsupported world size");
  if (gridDim.x > kMaxBlocks || blockDim.x != kThreads || rank < 0 || rank >= kRanks) __trap();
}

}  // namespace commgate
