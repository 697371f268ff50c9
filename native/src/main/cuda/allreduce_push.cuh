// custom-push: a one-shot all-reduce without barriers. Each rank stores its input, in 16-byte
// vectors, straight into its own slot of every peer's receive buffer; each rank polls its own
// receive buffer until every peer's vector has arrived, sums in rank order with fp32 accumulation
// (bitwise the same result on every rank), and writes its output. The data is its own flag: a
// receive buffer starts filled with a sentinel that no input carries, so a vector has arrived
// when none of its words is the sentinel. With no start or end barrier, a launch costs one
// one-way trip over the links instead of the one-shot's two barrier round trips.
#pragma once

#include <cstdint>

#include "allreduce_abi.cuh"
#include "allreduce_kernels.cuh"
#include "allreduce_sync.cuh"
#include "allreduce_vector.cuh"

namespace commgate {

// Receive buffers per rank, used in turn: launch n receives into buffer n % 3 and resets buffer
// (n - 1) % 3, the one the previous launch received into, back to the sentinel.
// note: why three and not two. While this rank runs launch n, a peer may already be in launch
// n + 1 (it needs nothing from us to start it) and write into buffer (n + 1) % 3; it cannot be in
// n + 2, which it starts only after receiving our data of n + 1, sent once our launch n is over.
// So during launch n peers write only buffers n % 3 and (n + 1) % 3, and (n - 1) % 3 is ours to
// reset. With two buffers, (n - 1) % 2 == (n + 1) % 2: a fast peer could be writing the next
// launch's data into the buffer we clear. (Resetting each vector right after reading it would
// work with two buffers, but puts the reset stores after the wait instead of under it.)
constexpr int kPushBuffers = 3;

// Negative zero as fp32. Every 32-bit word a sender stores has its negative zeros made positive
// (positive_zeros below): for fp32 that word is never 0x80000000, and for bf16/fp16 it would
// need a negative-zero upper lane. So the sentinel is one word for every type, and buffers need
// no refill when a communicator changes dtype.
constexpr uint32_t kPushSentinel = 0x80000000u;

// Per block of this rank (only the owning block reads or writes its entry; the kernel boundary
// orders one launch's update before the next launch's read, as block_epoch in allreduce_sync.cuh).
struct PushBlockState {
  uint32_t buffer;     // the receive buffer of the next launch: 0, 1, 2, 0, ...
  uint32_t grid;       // gridDim.x of every launch so far; 0 before the first
  long long received;  // vectors per peer the previous launch received: what this one resets
};

// The state at offset 0 of each rank's push area, the receive buffers after it at
// kPushStateBytes: buffer b holds kRanks - 1 slots of slot_vectors vectors, one per peer, in
// rank order without this rank (push_slot_of). The host zeroes the state and fills the buffers
// with kPushSentinel words once, before any peer can see the area, and never again.
struct PushState {
  PushBlockState block[kMaxBlocks];
};
constexpr size_t kPushStateBytes = 768;
static_assert(sizeof(PushBlockState) == 16 && sizeof(PushState) == 576, "native/README.md gives this layout");
static_assert(sizeof(PushState) <= kPushStateBytes && kPushStateBytes % kScratchAlign == 0,
              "receive buffers start aligned after the state");

// Bytes of one rank's push area for slots of slot_vectors vectors.
__host__ __device__ constexpr size_t push_area_bytes(long long slot_vectors, int ranks) {
  return kPushStateBytes +
         static_cast<size_t>(kPushBuffers) * (ranks - 1) * slot_vectors * kVectorBytes;
}

// The slot of `sender` in `receiver`'s buffers: the ranks in order, the receiver left out.
__host__ __device__ constexpr int push_slot_of(int sender, int receiver) {
  return sender < receiver ? sender : sender - 1;
}
static_assert(push_slot_of(0, 1) == 0 && push_slot_of(2, 1) == 1 && push_slot_of(7, 7) == 6, "");

template <int kRanks>
__device__ __forceinline__ void* push_slot(void* area, uint32_t buffer, int slot,
                                           long long slot_vectors) {
  return static_cast<char*>(area) + kPushStateBytes +
         (static_cast<long long>(buffer) * (kRanks - 1) + slot) * slot_vectors * kVectorBytes;
}

// note: volatile vector accesses are four relaxed 32-bit accesses at system scope: each word is
// written and read whole, but the four words of a vector may arrive in any order. No "memory"
// clobber on the load, so the compiler may keep several polls in flight.
__device__ __forceinline__ uint4 load_vector_volatile(const void* base, long long index) {
  uint4 v;
  asm volatile("ld.volatile.global.v4.u32 {%0, %1, %2, %3}, [%4];"
               : "=r"(v.x), "=r"(v.y), "=r"(v.z), "=r"(v.w)
               : "l"(static_cast<const uint4*>(base) + index));
  return v;
}

__device__ __forceinline__ void store_vector_volatile(void* base, long long index, const uint4& v) {
  asm volatile("st.volatile.global.v4.u32 [%0], {%1, %2, %3, %4};" ::"l"(
                   static_cast<uint4*>(base) + index),
               "r"(v.x), "r"(v.y), "r"(v.z), "r"(v.w)
               : "memory");
}

__device__ __forceinline__ bool has_sentinel(const uint4& v) {
  return v.x == kPushSentinel || v.y == kPushSentinel || v.z == kPushSentinel ||
         v.w == kPushSentinel;
}

// Negative zeros become positive zeros, lane by lane. This changes no sum's value; its only
// visible effect is that a lane where every rank's input is -0 sums to +0 (the other kernels
// give -0 there). Every rank applies it to its own input too, so all ranks sum the same values.
template <typename T>
__device__ __forceinline__ uint32_t positive_zeros_word(uint32_t w) {
  if constexpr (sizeof(T) == 4) {
    return w == 0x80000000u ? 0u : w;
  } else {
    if ((w & 0xffffu) == 0x8000u) w &= 0xffff0000u;
    if ((w >> 16) == 0x8000u) w &= 0x0000ffffu;
    return w;
  }
}

template <typename T>
__device__ __forceinline__ uint4 positive_zeros(const uint4& v) {
  return make_uint4(positive_zeros_word<T>(v.x), positive_zeros_word<T>(v.y),
                    positive_zeros_word<T>(v.z), positive_zeros_word<T>(v.w));
}

// The kernel body. `areas` are the ranks' push areas; `input` and `output` are this rank's own
// (no peer reads them). Every rank passes the same slot_vectors and launches every kernel on an
// area with the same grid, launch_blocks(slot_vectors) (the grid may not change between launches:
// each block's state describes what that block received; the kernel traps when it does).
template <typename T, int kRanks>
__device__ __forceinline__ void push_allreduce(const Peers& areas, const void* input, void* output,
                                               int rank, long long vectors,
                                               long long slot_vectors) {
  require_launch_shape<kRanks>(rank);
  PushBlockState* state = &static_cast<PushState*>(areas.ptr[rank])->block[blockIdx.x];
  const PushBlockState before = *state;
  if (vectors > slot_vectors || (before.grid != 0 && before.grid != gridDim.x)) __trap();
  const uint32_t current = before.buffer;
  const uint32_t previous = (current + kPushBuffers - 1) % kPushBuffers;
  const GridStride grid = GridStride::of_this_thread();
  constexpr int kBatch = batch_of<kRanks>();

  // 1. Push this rank's vectors into its slot of every peer's current buffer, the loads of a
  // batch before its stores. Peers are visited starting after this rank, so at any moment the
  // ranks write to different peers.
  const int own_slot_at_peers_below = rank - 1, own_slot_at_peers_above = rank;
  for (long long i = grid.first; i < vectors; i += kBatch * grid.stride) {
    uint4 v[kBatch];
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      if (i + u * grid.stride < vectors) v[u] = positive_zeros<T>(load_vector(input, i + u * grid.stride));
    }
#pragma unroll
    for (int step = 1; step < kRanks; ++step) {
      const int peer = (rank + step) % kRanks;
      void* slot = push_slot<kRanks>(areas.ptr[peer], current,
                                     peer < rank ? own_slot_at_peers_below : own_slot_at_peers_above,
                                     slot_vectors);
#pragma unroll
      for (int u = 0; u < kBatch; ++u) {
        if (i + u * grid.stride < vectors) store_vector_volatile(slot, i + u * grid.stride, v[u]);
      }
    }
  }

  // 2. Reset the previous launch's buffer, the vectors this block received there.
  // note: no peer writes that buffer during this launch (see kPushBuffers), and our reads of it
  // ended with the previous launch, so the stores race with nothing. They are done before this
  // kernel completes; a peer writes the buffer again only in its launch n + 2, after it has our
  // data of n + 1, which we send in a later kernel: the sentinel is in place by then.
  const uint4 sentinel = make_uint4(kPushSentinel, kPushSentinel, kPushSentinel, kPushSentinel);
  for (long long i = grid.first; i < before.received; i += grid.stride) {
#pragma unroll
    for (int slot = 0; slot < kRanks - 1; ++slot) {
      store_vector_volatile(push_slot<kRanks>(areas.ptr[rank], previous, slot, slot_vectors), i,
                            sentinel);
    }
  }

  // 3. Wait for every peer's vector, sum in rank order, write the output.
  // note: what a reader may see while a peer writes: each word is either the sentinel (not yet
  // arrived) or the peer's value of this launch, never a value of an earlier launch (the buffer
  // was reset by the launch after its last use, which completed before this one began) and never
  // the sentinel again once the value was seen (coherence of one location). So a vector with no
  // sentinel word is complete, and its own words are the flag: no fence, no release/acquire.
  // note: the first launches need nothing special: the host filled every buffer with the
  // sentinel before exchanging the IPC handles, so no peer could write earlier, and a zeroed
  // state means buffer 0, nothing to reset, any grid.
  for (long long i = grid.first; i < vectors; i += kBatch * grid.stride) {
    uint4 got[kBatch][kRanks];
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      const long long at = i + u * grid.stride;
#pragma unroll
      for (int p = 0; p < kRanks; ++p) {
        if (at < vectors) {
          got[u][p] = p == rank ? positive_zeros<T>(load_vector(input, at))
                                : load_vector_volatile(push_slot<kRanks>(areas.ptr[rank], current,
                                                                          push_slot_of(p, rank),
                                                                          slot_vectors),
                                                       at);
        }
      }
    }
    for (bool missing = true; missing;) {
      missing = false;
#pragma unroll
      for (int u = 0; u < kBatch; ++u) {
        const long long at = i + u * grid.stride;
#pragma unroll
        for (int p = 0; p < kRanks; ++p) {
          if (p != rank && at < vectors && has_sentinel(got[u][p])) {
            got[u][p] = load_vector_volatile(
                push_slot<kRanks>(areas.ptr[rank], current, push_slot_of(p, rank), slot_vectors), at);
            missing = true;
          }
        }
      }
    }
#pragma unroll
    for (int u = 0; u < kBatch; ++u) {
      if (i + u * grid.stride < vectors) {
        store_vector_evict_first(output, i + u * grid.stride, sum_in_rank_order<T, kRanks>(got[u]));
      }
    }
  }

  // 4. Every thread has read the state; the block's next launch uses the next buffer.
  __syncthreads();
  if (threadIdx.x == 0) *state = PushBlockState{(current + 1) % kPushBuffers, gridDim.x, vectors};
}

}  // namespace commgate
