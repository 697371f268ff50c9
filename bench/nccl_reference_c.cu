// The nccl comparison with no Python and no Java: the CUDA runtime alone, on the system's
// libnccl.so.2, with the schedule of commgate and bench/nccl_reference.py (3 eager calls, 10
// all-reduces captured in a graph, 5 warm-up replays, 50 timed replays with an event between each
// two; median per-op microseconds). "held": the stream is parked behind a spin kernel while every
// replay is queued, so the host's pace cannot show in the events.
//
//   nvcc -O3 -std=c++17 -arch=sm_90 -o nccl_reference_c bench/nccl_reference_c.cu -ldl
//   ./nccl_reference_c [pool]   # pool: views of two 256 MiB buffers, as commgate allocates;
//                               # otherwise a fresh cudaMalloc per size
#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <dlfcn.h>
#include <vector>
#include <cuda_runtime.h>
#include <cuda_bf16.h>
typedef struct { char internal[128]; } ncclUniqueId;
typedef void* ncclComm_t;
typedef int (*GetId)(ncclUniqueId*);
typedef int (*Init)(ncclComm_t*, int, ncclUniqueId, int);
typedef int (*AllReduce)(const void*, void*, size_t, int, int, ncclComm_t, cudaStream_t);
__global__ void spin(long long cycles) { long long t = clock64(); while (clock64() - t < cycles) {} }
static float bf(uint32_t h) { return ((int)(h % 61) - 30) / 4.0f; }
static int run_harness(int pool_flag) {
  const bool pool = pool_flag != 0;
  void *px = nullptr, *pout = nullptr;
  if (pool) { cudaMalloc(&px, 256u << 20); cudaMalloc(&pout, 256u << 20); }
  void* lib = dlopen("/usr/lib/x86_64-linux-gnu/libnccl.so.2", RTLD_NOW);
  if (!lib) { printf("dlopen: %s\n", dlerror()); return 1; }
  GetId getId = (GetId)dlsym(lib, "ncclGetUniqueId");
  Init init = (Init)dlsym(lib, "ncclCommInitRank");
  AllReduce ar = (AllReduce)dlsym(lib, "ncclAllReduce");
  ncclUniqueId id; getId(&id); ncclComm_t comm; int rc = init(&comm, 1, id, 0);
  if (rc) { printf("init %d\n", rc); return 1; }
  cudaStream_t s; cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  for (int seq : {128, 512, 1024, 2048, 4096, 8192}) {
    size_t n = (size_t)seq * 8192;
    std::vector<__nv_bfloat16> host(n);
    for (size_t i = 0; i < n; ++i) {
      uint64_t low = 0xFFFFFFFFull, idx = i;
      uint64_t h = ((((idx ^ (idx >> 32)) & low) * 0x9E3779B1ull) + 1ull * 0x85EBCA77ull) & low;
      h ^= h >> 16; h = (h * 0x7FEB352Dull) & low; h ^= h >> 15; h = (h * 0x846CA68Bull) & low; h ^= h >> 16;
      host[i] = __float2bfloat16(bf((uint32_t)h));
    }
    void *x = px, *out = pout; if (!pool) { cudaMalloc(&x, n * 2); cudaMalloc(&out, n * 2); }
    cudaMemcpy(x, host.data(), n * 2, cudaMemcpyHostToDevice);
    for (int i = 0; i < 3; ++i) ar(x, out, n, 9, 0, comm, s);
    cudaStreamSynchronize(s);
    cudaGraph_t g; cudaGraphExec_t e;
    cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal);
    for (int i = 0; i < 10; ++i) ar(x, out, n, 9, 0, comm, s);
    cudaStreamEndCapture(s, &g); cudaGraphInstantiate(&e, g, 0);
    for (int hold = 0; hold < 2; ++hold) {
      for (int i = 0; i < 5; ++i) cudaGraphLaunch(e, s);
      cudaStreamSynchronize(s);
      std::vector<cudaEvent_t> ev(51);
      for (auto& v : ev) cudaEventCreate(&v);
      if (hold) spin<<<1, 1, 0, s>>>(200000000LL);
      for (int t = 0; t < 50; ++t) { cudaEventRecord(ev[t], s); cudaGraphLaunch(e, s); }
      cudaEventRecord(ev[50], s); cudaEventSynchronize(ev[50]);
      std::vector<float> us(50);
      for (int t = 0; t < 50; ++t) { float ms; cudaEventElapsedTime(&ms, ev[t], ev[t + 1]); us[t] = ms * 100; }
      std::sort(us.begin(), us.end());
      printf("c-harness %s (%d, 8192) %6.2f MiB %s median %8.3f us  min %8.3f\n", pool ? "pool " : "fresh", seq, n * 2 / 1048576.0,
             hold ? "held " : "paced", (us[24] + us[25]) / 2, us[0]);
      for (auto& v : ev) cudaEventDestroy(v);
    }
    cudaGraphExecDestroy(e); cudaGraphDestroy(g); if (!pool) { cudaFree(x); cudaFree(out); }
  }
  return 0;
}

int main(int argc, char** argv) { return run_harness(argc > 1 && !strcmp(argv[1], "pool")); }
