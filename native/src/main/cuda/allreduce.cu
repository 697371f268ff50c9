// The fatbin's kernel list: {oneshot, twoshot, symm_twoshot, multimem, push} x {bf16, fp16, fp32}
// x {2, 4, 6, 8} ranks, each an extern "C" kernel so that the host finds it by its plain name with
// cuModuleGetFunction (commgate_<algorithm>_<dtype>_<ranks>), and the AbiRecord the host reads
// first. Adding an algorithm means one line in COMMGATE_DEFINE_KERNELS; the plugin's tests check
// that every kernel the Java communicators look up is in the fatbin.
//
// Launch every one with kThreads (512) threads per block, launch_blocks(vectors) blocks (multimem:
// multimem_launch_blocks(vectors, ranks); push: launch_blocks(slot_vectors)), no dynamic shared
// memory, the same grid on every rank. Parameters (C ABI, offsets in the parameter buffer; Peers
// is 64 bytes, 16-byte aligned; the host checks its arguments against cuFuncGetParamInfo):
//   oneshot, twoshot:  Peers inputs @0, Peers signals @64, void* output @128, int rank @136,
//                      long long vectors @144 (152 bytes)
//   symm_twoshot:      Peers buffers @0, Peers signals @64, int rank @128,
//                      long long vectors @136 (144 bytes)
//   multimem:          void* multicast @0, Peers signals @16, int rank @80,
//                      long long vectors @88 (96 bytes)
//   push:              Peers areas @0, const void* input @64, void* output @72, int rank @80,
//                      long long vectors @88, long long slot_vectors @96 (104 bytes)
#include "allreduce_kernels.cuh"
#include "allreduce_multimem.cuh"
#include "allreduce_push.cuh"

// note: extern "C" and __device__ keep the record in every cubin under its plain name, where
// cuModuleGetGlobal finds it; nothing on the device reads it.
extern "C" __device__ const commgate::AbiRecord commgate_abi = {
    commgate::kAbiVersion,    commgate::kThreads,        commgate::kMaxBlocks,
    commgate::kVectorBytes,   commgate::kMaxRanks,       commgate::kSignalBytes,
    commgate::kPushStateBytes, commgate::kPushBuffers,   commgate::kPushSentinel};

// One name per (algorithm, type, world size); __launch_bounds__(kThreads, 1) lets the compiler use
// the registers of a whole SM partition for the kRanks loads in flight per thread.
// note: __grid_constant__ keeps the Peers parameters in the constant bank even though the kernels
// index them with runtime ranks; without it every thread copies them to local memory first.
// It changes nothing in the ABI: the parameters are still passed by value.
#define COMMGATE_PEERS const __grid_constant__ commgate::Peers
#define COMMGATE_KERNEL extern "C" __global__ void __launch_bounds__(commgate::kThreads, 1)

#define COMMGATE_DEFINE_KERNELS(dtype, T, ranks)                                                \
  COMMGATE_KERNEL commgate_oneshot_##dtype##_##ranks(                                          \
      COMMGATE_PEERS inputs, COMMGATE_PEERS signals, void* output, int rank, long long vectors) { \
    commgate::oneshot<T, ranks>(inputs, signals, output, rank, vectors);                       \
  }                                                                                            \
  COMMGATE_KERNEL commgate_twoshot_##dtype##_##ranks(                                          \
      COMMGATE_PEERS inputs, COMMGATE_PEERS signals, void* output, int rank, long long vectors) { \
    commgate::twoshot<T, ranks>(inputs, signals, output, rank, vectors);                       \
  }                                                                                            \
  COMMGATE_KERNEL commgate_symm_twoshot_##dtype##_##ranks(                                     \
      COMMGATE_PEERS buffers, COMMGATE_PEERS signals, int rank, long long vectors) {            \
    commgate::symm_twoshot<T, ranks>(buffers, signals, rank, vectors);                         \
  }                                                                                            \
  COMMGATE_KERNEL commgate_multimem_##dtype##_##ranks(                                         \
      void* multicast, COMMGATE_PEERS signals, int rank, long long vectors) {                  \
    commgate::multimem_allreduce<T, ranks>(multicast, signals, rank, vectors);                 \
  }                                                                                            \
  COMMGATE_KERNEL commgate_push_##dtype##_##ranks(COMMGATE_PEERS areas, const void* input,      \
                                                  void* output, int rank, long long vectors,   \
                                                  long long slot_vectors) {                    \
    commgate::push_allreduce<T, ranks>(areas, input, output, rank, vectors, slot_vectors);     \
  }

#define COMMGATE_DEFINE_ALL_RANKS(dtype, T) \
  COMMGATE_DEFINE_KERNELS(dtype, T, 2)      \
  COMMGATE_DEFINE_KERNELS(dtype, T, 4)      \
  COMMGATE_DEFINE_KERNELS(dtype, T, 6)      \
  COMMGATE_DEFINE_KERNELS(dtype, T, 8)

COMMGATE_DEFINE_ALL_RANKS(bf16, __nv_bfloat16)
COMMGATE_DEFINE_ALL_RANKS(fp16, __half)
COMMGATE_DEFINE_ALL_RANKS(fp32, float)

#undef COMMGATE_DEFINE_ALL_RANKS
#undef COMMGATE_DEFINE_KERNELS
#undef COMMGATE_KERNEL
#undef COMMGATE_PEERS
