#!/usr/bin/env python3
"""Where the buffers lie changes the nccl figure at the sizes that fit in L2.

One process, world size 1, the schedule of nccl_reference.py, the same 8 and 16 MiB all-reduce
with its output placed in different ways: torch tensors, two cudaMalloc'ed buffers of 128 MiB
(as commgate allocates), and one large buffer with the output 0-8 MiB after the input's end.
Measured on an H100 (2026-11-24, two runs): 3.71-3.99 us at 8 MiB and 7.72-8.32 us at 16 MiB, by
placement alone. Compare commgate with nccl_reference.py at those sizes with that spread in mind.
"""
import ctypes
import statistics

import torch

import nccl_reference as r
from nccl_reference_common import NCCL_BFLOAT16, NCCL_SUM, UniqueId, check, load_nccl
MiB = 1 << 20
HIDDEN = 8192
CUDA_MEMCPY_DEFAULT = 4


def main():
    rt = ctypes.CDLL("libcudart.so.13")
    rt.cudaMalloc.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_size_t]
    rt.cudaMemcpy.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]

    def malloc(size):
        pointer = ctypes.c_void_p()
        check(rt.cudaMalloc(ctypes.byref(pointer), size), "cudaMalloc")
        return pointer.value

    nccl = load_nccl("/usr/lib/x86_64-linux-gnu/libnccl.so.2")
    uid = UniqueId()
    check(nccl.ncclGetUniqueId(ctypes.byref(uid)), "ncclGetUniqueId")
    comm = ctypes.c_void_p()
    check(nccl.ncclCommInitRank(ctypes.byref(comm), 1, uid, 0), "ncclCommInitRank")

    def measure(seq, src, dst, label):
        count = seq * HIDDEN
        data = r.commgate_inputs(0, count)
        torch.cuda.synchronize()
        check(rt.cudaMemcpy(src, data.data_ptr(), count * 2, CUDA_MEMCPY_DEFAULT), "cudaMemcpy")
        stream = torch.cuda.Stream()

        def all_reduce():
            check(nccl.ncclAllReduce(src, dst, count, NCCL_BFLOAT16, NCCL_SUM, comm,
                                     torch.cuda.current_stream().cuda_stream), "ncclAllReduce")

        samples, _ = r.graph_samples(all_reduce, 5, 50, stream)
        print(f"({seq}, {HIDDEN}) {label:<44} output - input {(dst - src) / MiB:+10.1f} MiB"
              f"  {statistics.median(samples):7.3f} us", flush=True)

    big = malloc(1 << 30)
    largest = [malloc(128 * MiB), malloc(128 * MiB)]
    for seq in [512, 1024]:
        size = seq * HIDDEN * 2
        x = torch.empty(seq, HIDDEN, dtype=torch.bfloat16, device="cuda")
        out = torch.empty_like(x)
        measure(seq, x.data_ptr(), out.data_ptr(), "torch.empty x, out (caching allocator)")
        measure(seq, largest[0], largest[1], "cudaMalloc of 128 MiB each (as commgate)")
        for gap in [0, 1, 2, 3, 4, 6, 8]:
            measure(seq, big, big + size + gap * MiB, f"one buffer, output {gap} MiB after the input")
        measure(seq, malloc(size), malloc(size), "cudaMalloc of the size each")


if __name__ == "__main__":
    main()
