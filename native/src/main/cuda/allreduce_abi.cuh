// The contract between commgate's all-reduce kernels and the Java host (JavaCPP driver API).
// The host reads the numbers it needs from the fatbin itself (AbiRecord below), so they live only
// here; native/README.md explains them. A change the host must follow bumps kAbiVersion.
#pragma once

#include <cstddef>
#include <cstdint>

namespace commgate {

// Version of this contract (numbers, kernel parameters, memory layouts). The host knows the one
// version it was written for and refuses a fatbin of another. 1: the first 48 kernels, numbers
// mirrored by hand; 2: the AbiRecord; 3: the push kernels and the numbers of their memory.
constexpr uint32_t kAbiVersion = 3;

// World sizes the kernels are instantiated for (vLLM's custom all-reduce supports the same):
// one node, full NVLink above two ranks.
constexpr int kMaxRanks = 8;

// Blocks and threads. 36 blocks of 512 threads is vLLM's tuned default on CUDA (defaultBlockLimit);
// more blocks buy no bandwidth on NVLink and cost barrier time. The Signal arrays are sized by
// kMaxBlocks, so a launch with more blocks would write past them: the kernels trap instead.
constexpr int kMaxBlocks = 36;
constexpr int kThreads = 512;

// Every load and store moves one 16-byte vector (8 x bf16/fp16 or 4 x fp32): ld/st.global.v4.
// Element counts cross the ABI as a number of such vectors, so byte sizes are multiples of 16.
constexpr int kVectorBytes = 16;

// Alignment of each Signal member: keeps the start flags, end flags and this rank's counters on
// separate cache lines, so a peer's flag store does not contend with a local counter update.
constexpr int kSignalAlign = 128;

// Where the two-shot scratch area starts inside a rank's signal allocation, and the alignment of
// that allocation's start (cudaMalloc gives 256 bytes or more).
constexpr size_t kScratchAlign = 256;

// Signal area, one per rank, at offset 0 of a peer-visible cudaMalloc allocation. The host
// zeroes it once (cudaMemset) before the first launch and never again: the counters count up
// across launches and CUDA graph replays (and may wrap), and the flags compare for equality with
// the counter, so zero at the start is all they need.
struct alignas(kSignalAlign) Signal {
  // start[b][p]: written by rank p's block b when it enters a launch (start barrier).
  alignas(kSignalAlign) uint32_t start[kMaxBlocks][kMaxRanks];
  // end[b][p]: written by rank p's block b at the release/acquire barrier (two-shot's middle
  // barrier, the end barrier of one-shot and symm-twoshot). Separate from start[] because a
  // fast peer can reach this barrier and store counter+2 while this block still waits for
  // counter+1 at the start barrier; one array would lose the value this block waits for.
  alignas(kSignalAlign) uint32_t end[kMaxBlocks][kMaxRanks];
  // counter[b]: how many barriers block b of THIS rank has passed (2 per launch). Only the
  // owning rank reads or writes it; it is here so that it lives exactly as long as the flags.
  alignas(kSignalAlign) uint32_t counter[kMaxBlocks];
};

// 1152 (start) + 1152 (end) + 144 (counter) = 2448 bytes, padded to the 128-byte alignment.
constexpr size_t kSignalBytes = 2560;
static_assert(sizeof(Signal) == kSignalBytes, "the host allocates kSignalBytes (AbiRecord)");
static_assert(alignof(Signal) == kSignalAlign, "members must not share cache lines");
static_assert(offsetof(Signal, start) == 0, "native/README.md gives this layout");
static_assert(offsetof(Signal, end) == 1152, "native/README.md gives this layout");
static_assert(offsetof(Signal, counter) == 2304, "native/README.md gives this layout");
static_assert(kSignalBytes % kScratchAlign == 0, "two-shot scratch starts at kSignalBytes");

// Peer pointers, passed BY VALUE as a kernel parameter (64 bytes in the parameter buffer), so
// no device-side pointer table has to be allocated, filled or kept alive under graph capture.
// ptr[p] is rank p's pointer as mapped in THIS process (its own cudaMalloc pointer for p ==
// rank, the cudaIpcOpenMemHandle pointer otherwise); entries p >= world size are null.
struct alignas(16) Peers {
  void* ptr[kMaxRanks];
};
static_assert(sizeof(Peers) == 64, "host passes Peers as 64 bytes");
static_assert(alignof(Peers) == 16, "host aligns Peers parameters to 16 bytes");

// What the host reads from the fatbin after cuModuleLoadData: cuModuleGetGlobal(commgate_abi),
// defined in allreduce.cu, then a copy of its bytes to the host. Fields are little-endian uint32;
// `version` comes first in every version, so a host can always read it before trusting the rest.
// New fields go at the end, with a new version.
struct AbiRecord {
  uint32_t version;            // kAbiVersion
  uint32_t threads_per_block;  // kThreads
  uint32_t max_blocks;         // kMaxBlocks
  uint32_t vector_bytes;       // kVectorBytes
  uint32_t max_ranks;          // kMaxRanks: entries of Peers
  uint32_t signal_bytes;       // kSignalBytes
  uint32_t push_state_bytes;   // kPushStateBytes (allreduce_push.cuh)
  uint32_t push_buffers;       // kPushBuffers
  uint32_t push_sentinel;      // kPushSentinel
};
static_assert(sizeof(AbiRecord) == 36 && offsetof(AbiRecord, version) == 0, "the host decodes 9 words");

// Grid size for a launch of `vectors` 16-byte vectors: min(kMaxBlocks, ceil(vectors / kThreads)),
// at least 1. Every rank must launch the same grid for the same size, because only blocks with
// the same blockIdx.x synchronise across ranks.
__host__ __device__ constexpr int launch_blocks(long long vectors) {
  return vectors <= 0 ? 1
         : (vectors + kThreads - 1) / kThreads >= kMaxBlocks
             ? kMaxBlocks
             : static_cast<int>((vectors + kThreads - 1) / kThreads);
}
static_assert(launch_blocks(0) == 1 && launch_blocks(1) == 1 && launch_blocks(513) == 2, "");
static_assert(launch_blocks(16384) == 32, "256 KiB of bf16 uses 32 blocks, as in vLLM");
static_assert(launch_blocks(1LL << 40) == kMaxBlocks, "");

// Bytes of two-shot scratch a rank needs after its Signal for `vectors` vectors: the largest
// slice, which the last rank holds (its slice takes the remainder).
__host__ __device__ constexpr size_t twoshot_scratch_bytes(long long vectors, int ranks) {
  return static_cast<size_t>(vectors / ranks + vectors % ranks) * kVectorBytes;
}

}  // namespace commgate
