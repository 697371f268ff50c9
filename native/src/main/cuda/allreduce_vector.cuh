// 16-byte vectors of T, summed in fp32 and rounded once.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdint>

#include "allreduce_abi.cuh"

namespace commgate {

// How one 16-byte vector splits into lanes of T, and how a lane converts to and from fp32. The
// vector is handled as four 32-bit words so that no type punning through unions or casts of
// non-trivial types (__half, __nv_bfloat16) is needed; lane 2k of a 16-bit type is the low half
// of word k (little-endian, the order in memory).
template <typename T>
struct Lanes;

template <>
struct Lanes<float> {
  static constexpr int kCount = kVectorBytes / sizeof(float);
  __device__ static float get(const uint32_t (&w)[4], int k) { return __uint_as_float(w[k]); }
  __device__ static void put(uint32_t (&w)[4], int k, float x) { w[k] = __float_as_uint(x); }
};

template <>
struct Lanes<__half> {
  static constexpr int kCount = kVectorBytes / sizeof(__half);
  __device__ static float get(const uint32_t (&w)[4], int k) {
    return __half2float(__ushort_as_half(half_bits(w, k)));
  }
  __device__ static void put(uint32_t (&w)[4], int k, float x) {
    put_half_bits(w, k, __half_as_ushort(__float2half_rn(x)));
  }
  __device__ static unsigned short half_bits(const uint32_t (&w)[4], int k) {
    return static_cast<unsigned short>(w[k / 2] >> (16 * (k % 2)));
  }
  __device__ static void put_half_bits(uint32_t (&w)[4], int k, unsigned short bits) {
    const int shift = 16 * (k % 2);
    w[k / 2] = (w[k / 2] & ~(0xffffu << shift)) | (static_cast<uint32_t>(bits) << shift);
  }
};

template <>
struct Lanes<__nv_bfloat16> {
  static constexpr int kCount = kVectorBytes / sizeof(__nv_bfloat16);
  __device__ static float get(const uint32_t (&w)[4], int k) {
    return __bfloat162float(__ushort_as_bfloat16(Lanes<__half>::half_bits(w, k)));
  }
  __device__ static void put(uint32_t (&w)[4], int k, float x) {
    Lanes<__half>::put_half_bits(w, k, __bfloat16_as_ushort(__float2bfloat16_rn(x)));
  }
};

static_assert(Lanes<float>::kCount == 4 && Lanes<__half>::kCount == 8 &&
                  Lanes<__nv_bfloat16>::kCount == 8,
              "16-byte vectors");

// note: a weak (plain) load, for every source. A weak load after ld.acquire + bar.sync sees what
// the peer released (two-shot scratch); for inputs, which nobody writes during the launch, it is
// as good as the read-only path: ld.global.nc.L1::no_allocate was measured (loopback, H100) to
// be no faster at 2 ranks and up to 1.8x slower at 4 ranks and 64 MiB, so it is not used.
__device__ __forceinline__ uint4 load_vector(const void* base, long long index) {
  return static_cast<const uint4*>(base)[index];
}

__device__ __forceinline__ void store_vector(void* base, long long index, const uint4& v) {
  static_cast<uint4*>(base)[index] = v;
}

// The same accesses with the evict-first hint (ld.global.cs / st.global.cs), for data a launch
// touches once: the two-shot's scratch, dead after its gather until the next launch overwrites
// it, and outputs, which only the next kernel reads. Evict-first lines go first when L2 runs
// full, so the inputs and scratch a launch still has to read stay resident. The gain shows only
// where the working set nears the 50 MB L2 (loopback at 8 MiB; native/README.md has the table).
// note: the cache operator is a hint; these are weak accesses like the plain ones above, ordered
// by the same barriers.
__device__ __forceinline__ uint4 load_vector_evict_first(const void* base, long long index) {
  return __ldcs(static_cast<const uint4*>(base) + index);
}

__device__ __forceinline__ void store_vector_evict_first(void* base, long long index,
                                                         const uint4& v) {
  __stcs(static_cast<uint4*>(base) + index, v);
}

// Sum loaded[0..kRanks-1] (rank p's vector in loaded[p]) in rank order 0, 1, ..., kRanks-1 with
// fp32 accumulation and one rounding to T at the end. The order is fixed (not rotated by rank),
// so every rank and every algorithm computes bitwise the same result for the same inputs. The
// loads are the caller's, so that it can put several vectors' loads in flight before any add.
template <typename T, int kRanks>
__device__ __forceinline__ uint4 sum_in_rank_order(const uint4 (&loaded)[kRanks]) {
  float acc[Lanes<T>::kCount];
  uint32_t w[4];
#pragma unroll
  for (int p = 0; p < kRanks; ++p) {
    w[0] = loaded[p].x, w[1] = loaded[p].y, w[2] = loaded[p].z, w[3] = loaded[p].w;
#pragma unroll
    for (int k = 0; k < Lanes<T>::kCount; ++k) {
      acc[k] = p == 0 ? Lanes<T>::get(w, k) : acc[k] + Lanes<T>::get(w, k);
    }
  }
#pragma unroll
  for (int k = 0; k < Lanes<T>::kCount; ++k) Lanes<T>::put(w, k, acc[k]);
  return make_uint4(w[0], w[1], w[2], w[3]);
}

}  // namespace commgate
