#!/usr/bin/env python3
"""Where the buffers lie changes the nccl figure at the sizes that fit in L2.

One process, world size 1, the schedule of nccl_reference.py. At world size 1 an out-of-place
ncclAllReduce is a device-to-device copy, so its time depends on nothing but the two buffers.

    python3 nccl_placement.py            # the named placements at 8 and 16 MiB
    python3 nccl_placement.py --survey 12 [--ours results.json]

The named placements: torch tensors, two cudaMalloc'ed buffers of 128 MiB (as commgate
allocates), and one large buffer with the output 0-8 MiB after the input's end. Measured on an
H100 (2026-11-24, two runs): 3.71-3.99 us at 8 MiB and 7.72-8.32 us at 16 MiB, by placement alone.

--survey N measures every default size in N placements of each kind that a harness gets from
its allocator: N pairs of cudaMalloc'ed buffers of the largest size (commgate's kind), all kept
alive so that each pair lies elsewhere, and N pairs of torch tensors of each size (PyNccl's
kind), also kept. It prints, per size, the lowest, median and highest figure of each kind and,
with --ours, where commgate's median falls against them.
"""
import argparse
import ctypes
import json
import statistics

import torch

import nccl_reference as r
from nccl_reference_common import NCCL_BFLOAT16, NCCL_SUM, UniqueId, check, load_nccl
MiB = 1 << 20
HIDDEN = 8192
CUDA_MEMCPY_DEFAULT = 4
SIZES = [128, 512, 1024, 2048, 4096, 8192]


class Harness:
    def __init__(self):
        self.rt = ctypes.CDLL("libcudart.so.13")
        self.rt.cudaMalloc.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_size_t]
        self.rt.cudaMemcpy.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        self.nccl = load_nccl("/usr/lib/x86_64-linux-gnu/libnccl.so.2")
        uid = UniqueId()
        check(self.nccl.ncclGetUniqueId(ctypes.byref(uid)), "ncclGetUniqueId")
        self.comm = ctypes.c_void_p()
        check(self.nccl.ncclCommInitRank(ctypes.byref(self.comm), 1, uid, 0), "ncclCommInitRank")
        self.stream = torch.cuda.Stream()

    def malloc(self, size):
        pointer = ctypes.c_void_p()
        check(self.rt.cudaMalloc(ctypes.byref(pointer), size), "cudaMalloc")
        return pointer.value

    def median_us(self, seq, src, dst):
        count = seq * HIDDEN
        data = r.commgate_inputs(0, count)
        torch.cuda.synchronize()
        check(self.rt.cudaMemcpy(src, data.data_ptr(), count * 2, CUDA_MEMCPY_DEFAULT), "cudaMemcpy")

        def all_reduce():
            check(self.nccl.ncclAllReduce(src, dst, count, NCCL_BFLOAT16, NCCL_SUM, self.comm,
                                          torch.cuda.current_stream().cuda_stream), "ncclAllReduce")

        samples, _ = r.graph_samples(all_reduce, 5, 50, self.stream)
        copied = torch.empty(count, dtype=torch.bfloat16, device="cuda")
        check(self.rt.cudaMemcpy(copied.data_ptr(), dst, count * 2, CUDA_MEMCPY_DEFAULT), "cudaMemcpy")
        assert torch.equal(copied, data), "world size 1: the all-reduce must copy its input"
        return statistics.median(samples)


def named_placements(h):
    big = h.malloc(1 << 30)
    largest = [h.malloc(128 * MiB), h.malloc(128 * MiB)]
    for seq in [512, 1024]:
        size = seq * HIDDEN * 2
        x = torch.empty(seq, HIDDEN, dtype=torch.bfloat16, device="cuda")
        out = torch.empty_like(x)
        cases = [("torch.empty x, out (caching allocator)", x.data_ptr(), out.data_ptr()),
                 ("cudaMalloc of 128 MiB each (as commgate)", largest[0], largest[1])]
        cases += [(f"one buffer, output {gap} MiB after the input", big, big + size + gap * MiB)
                  for gap in [0, 1, 2, 3, 4, 6, 8]]
        cases.append(("cudaMalloc of the size each", h.malloc(size), h.malloc(size)))
        for label, src, dst in cases:
            print(f"({seq}, {HIDDEN}) {label:<44} output - input {(dst - src) / MiB:+10.1f} MiB"
                  f"  {h.median_us(seq, src, dst):7.3f} us", flush=True)


def survey(h, pairs, ours):
    largest = max(SIZES) * HIDDEN * 2
    malloced = [(h.malloc(largest), h.malloc(largest)) for _ in range(pairs)]
    kept = []
    print(f"# {pairs} placements of each kind; us per all-reduce, median of 50 replays each")
    print(f"{'shape':<14}{'MiB':>7}  {'cudaMalloc pairs (commgate) low/median/high':>44}"
          f"  {'torch tensors (PyNccl) low/median/high':>40}{'commgate':>10}")
    for seq in SIZES:
        pool = [h.median_us(seq, src, dst) for src, dst in malloced]
        tensors = []
        for _ in range(pairs):
            x = torch.empty(seq, HIDDEN, dtype=torch.bfloat16, device="cuda")
            out = torch.empty_like(x)
            kept += [x, out]
            tensors.append(h.median_us(seq, x.data_ptr(), out.data_ptr()))
        mine = ours.get(seq)
        print(f"{f'({seq}, {HIDDEN})':<14}{seq * HIDDEN * 2 / MiB:7.2f}  {spread(pool):>44}  {spread(tensors):>40}"
              f"{'-' if mine is None else f'{mine:.2f}':>10}", flush=True)


def nccl_medians(results):
    """commgate's nccl median per sequence length from its results.json; empty without one."""
    if not results:
        return {}
    with open(results) as f:
        return {p["sequence_length"]: p["median_us"] for p in json.load(f)["points"]
                if p["communicator"] == "nccl" and p["status"] == "MEASURED"}


def spread(values):
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--survey", type=int, help="placements of each kind to measure")
    parser.add_argument("--ours", help="commgate's results.json")
    args = parser.parse_args()
    ours = nccl_medians(args.ours)
    h = Harness()
    if args.survey:
        survey(h, args.survey, ours)
    else:
        named_placements(h)


if __name__ == "__main__":
    main()
