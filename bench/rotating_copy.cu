// What a cache-cold one-rank all-reduce costs with no harness around it: a CUDA graph of 20
// all-reduces at nccl-tests' offsets (all-reduce k at size x (k mod 128 MiB / size), as its
// startColl shifts them), host-timed over 1000 replays as all_reduce_perf -G times a size, and
// each replay between two events as commgate times it. At one rank NCCL copies the input, so the
// graph holds either ncclAllReduce or the cudaMemcpyAsync it stands for. docs/measurement.md
// cites its figures beside nccl-tests'. Build and run on the GPU machine:
//   nvcc -O2 -arch=sm_90 -o /tmp/rotating_copy bench/rotating_copy.cu -lnccl -lcuda
//   /tmp/rotating_copy <cudaMalloc|cuMemCreate> <memcpy|nccl> <zeros|random>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <vector>
#include <cuda.h>
#include <cuda_runtime.h>
#include <nccl.h>
#define CK(x) do { cudaError_t err_ = (x); if (err_ != cudaSuccess) { printf("%s: %s\n", #x, cudaGetErrorString(err_)); exit(1); } } while (0)
#define NK(x) do { ncclResult_t r_ = (x); if (r_ != ncclSuccess) { printf("%s: %d\n", #x, (int)r_); exit(1); } } while (0)

static const size_t BUFFER = 128ull << 20;
static const int ITERS = 20, LAUNCHES = 1000, TRIALS = 50;

__global__ void fill(uint16_t* p, size_t n, bool random) {
  for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < n; i += (size_t)gridDim.x * blockDim.x) {
    uint32_t h = (uint32_t)(i * 2654435761u); h ^= h >> 13; h *= 0x5bd1e995; h ^= h >> 15;
    p[i] = random ? (uint16_t)h : 0;
  }
}

// As ncclMemAlloc allocates with cuMem enabled: physical memory at the recommended granularity, mapped.
static char* mapped(size_t size) {
  CUmemAllocationProp prop = {};
  prop.type = CU_MEM_ALLOCATION_TYPE_PINNED;
  prop.location.type = CU_MEM_LOCATION_TYPE_DEVICE;
  size_t granularity = 0;
  cuMemGetAllocationGranularity(&granularity, &prop, CU_MEM_ALLOC_GRANULARITY_RECOMMENDED);
  size = (size + granularity - 1) / granularity * granularity;
  CUmemGenericAllocationHandle handle;
  CUdeviceptr p;
  CUmemAccessDesc access = {};
  access.location = prop.location;
  access.flags = CU_MEM_ACCESS_FLAGS_PROT_READWRITE;
  if (cuMemCreate(&handle, size, &prop, 0) || cuMemAddressReserve(&p, size, granularity, 0, 0)
      || cuMemMap(p, size, 0, handle, 0) || cuMemSetAccess(p, size, &access, 1)) {
    printf("cuMemCreate/cuMemMap failed\n");
    exit(1);
  }
  return (char*)p;
}

int main(int argc, char** argv) {
  if (argc != 4) { printf("usage: %s <cudaMalloc|cuMemCreate> <memcpy|nccl> <zeros|random>\n", argv[0]); return 2; }
  bool vmm = !strcmp(argv[1], "cuMemCreate"), nccl = !strcmp(argv[2], "nccl"), random = !strcmp(argv[3], "random");
  CK(cudaFree(0));
  cudaStream_t s;
  CK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  ncclComm_t comm;
  int device = 0;
  NK(ncclCommInitAll(&comm, 1, &device));
  char *src, *dst;
  if (vmm) { src = mapped(BUFFER); dst = mapped(BUFFER); } else { CK(cudaMalloc(&src, BUFFER)); CK(cudaMalloc(&dst, BUFFER)); }
  fill<<<1024, 256, 0, s>>>((uint16_t*)src, BUFFER / 2, random);
  fill<<<1024, 256, 0, s>>>((uint16_t*)dst, BUFFER / 2, random);
  CK(cudaStreamSynchronize(s));
  for (size_t size = 2u << 20; size <= BUFFER; size *= 2) {
    size_t steps = BUFFER / size;
    cudaGraph_t graph;
    cudaGraphExec_t exec;
    CK(cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal));
    for (int k = 0; k < ITERS; k++) {
      size_t shift = size * (k % steps);
      if (nccl) NK(ncclAllReduce(src + shift, dst + shift, size / 2, ncclBfloat16, ncclSum, comm, s));
      else CK(cudaMemcpyAsync(dst + shift, src + shift, size, cudaMemcpyDeviceToDevice, s));
    }
    CK(cudaStreamEndCapture(s, &graph));
    CK(cudaGraphInstantiate(&exec, graph, 0));
    for (int w = 0; w < 5; w++) CK(cudaGraphLaunch(exec, s));
    CK(cudaStreamSynchronize(s));
    std::vector<cudaEvent_t> events(TRIALS + 1);
    for (auto& e : events) CK(cudaEventCreate(&e));
    for (int t = 0; t < TRIALS; t++) { CK(cudaEventRecord(events[t], s)); CK(cudaGraphLaunch(exec, s)); }
    CK(cudaEventRecord(events[TRIALS], s));
    CK(cudaStreamSynchronize(s));
    std::vector<float> us(TRIALS);
    for (int t = 0; t < TRIALS; t++) {
      float ms;
      CK(cudaEventElapsedTime(&ms, events[t], events[t + 1]));
      us[t] = ms * 1000 / ITERS;
    }
    std::sort(us.begin(), us.end());
    auto start = std::chrono::steady_clock::now();
    for (int l = 0; l < LAUNCHES; l++) CK(cudaGraphLaunch(exec, s));
    CK(cudaStreamSynchronize(s));
    double host = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / LAUNCHES / ITERS;
    printf("%s %s %s %4zu MiB: events median %.3f us, host over %d graphs %.3f us\n", argv[1], argv[2], argv[3],
           size >> 20, us[TRIALS / 2], LAUNCHES, host);
    for (auto& e : events) CK(cudaEventDestroy(e));
    CK(cudaGraphExecDestroy(exec));
    CK(cudaGraphDestroy(graph));
  }
  NK(ncclCommDestroy(comm));
  return 0;
}
