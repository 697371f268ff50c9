#!/usr/bin/env python3
"""nccl_reference.py without PyTorch: the same ctypes ncclAllReduce, inputs and schedule, with
CuPy for memory, streams, graphs and events. Tells a difference of harness (commgate against
CuPy) from a difference that comes with the torch process (nccl_reference.py).

    python3 bench/nccl_reference_cupy.py [--ours results.json]
"""
import argparse
import ctypes
import json
import statistics

import cupy
import numpy

from nccl_reference_common import HIDDEN, NCCL_BFLOAT16, NCCL_SUM, UniqueId, check, load_nccl

CYCLES = 10


def pattern(rank, count):
    low = 0xFFFFFFFF
    index = numpy.arange(count, dtype=numpy.uint64)
    h = (((index ^ (index >> numpy.uint64(32))) & low) * numpy.uint64(0x9E3779B1) + numpy.uint64((rank + 1) * 0x85EBCA77)) & low
    h ^= h >> numpy.uint64(16)
    h = (h * numpy.uint64(0x7FEB352D)) & low
    h ^= h >> numpy.uint64(15)
    h = (h * numpy.uint64(0x846CA68B)) & low
    h ^= h >> numpy.uint64(16)
    values = ((h % numpy.uint64(61)).astype(numpy.int64) - 30).astype(numpy.float32) / 4
    return (values.view(numpy.uint32) >> 16).astype(numpy.uint16)  # exact in bf16: truncation is exact here


def measure(nccl, comm, seq, warmups, trials, pool=None):
    count = seq * HIDDEN
    if pool is None:
        x = cupy.asarray(pattern(0, count))
        out = cupy.empty_like(x)
    else:
        # Views at the start of two buffers of the sweep's largest size, as commgate allocates.
        x, out = pool[0][:count], pool[1][:count]
        x.set(pattern(0, count))
    stream = cupy.cuda.Stream(non_blocking=True)

    def all_reduce():
        check(nccl.ncclAllReduce(x.data.ptr, out.data.ptr, count, NCCL_BFLOAT16, NCCL_SUM, comm, stream.ptr), "ncclAllReduce")

    for _ in range(3):
        all_reduce()
    stream.synchronize()
    stream.begin_capture()
    for _ in range(CYCLES):
        all_reduce()
    graph = stream.end_capture()
    for _ in range(warmups):
        graph.launch(stream)
    stream.synchronize()
    events = [cupy.cuda.Event() for _ in range(trials + 1)]
    for i in range(trials):
        events[i].record(stream)
        graph.launch(stream)
    events[trials].record(stream)
    stream.synchronize()
    assert bool((out == x).all()), "world size 1: the all-reduce must copy its input"
    return statistics.median(cupy.cuda.get_elapsed_time(events[i], events[i + 1]) * 1e3 / CYCLES for i in range(trials))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nccl", default="/usr/lib/x86_64-linux-gnu/libnccl.so.2")
    parser.add_argument("--sequence-lengths", type=int, nargs="+", default=[16, 64, 128, 512, 1024, 2048, 4096, 8192])
    parser.add_argument("--ours")
    parser.add_argument("--largest-buffers", action="store_true")
    args = parser.parse_args()
    largest = max(args.sequence_lengths) * HIDDEN
    pool = [cupy.empty(largest, dtype=cupy.uint16) for _ in range(2)] if args.largest_buffers else None
    nccl = load_nccl(args.nccl)
    uid = UniqueId()
    check(nccl.ncclGetUniqueId(ctypes.byref(uid)), "ncclGetUniqueId")
    comm = ctypes.c_void_p()
    check(nccl.ncclCommInitRank(ctypes.byref(comm), 1, uid, 0), "ncclCommInitRank")
    ours = {}
    if args.ours:
        for p in json.load(open(args.ours))["points"]:
            if p["communicator"] == "nccl" and p["status"] == "MEASURED":
                ours[p["sequence_length"]] = p["median_us"]
    print(f"{'MiB':>7}{'cupy us':>10}{'commgate us':>13}{'ratio':>8}")
    for seq in args.sequence_lengths:
        median = measure(nccl, comm, seq, 5, 50, pool)
        mine = ours.get(seq)
        print(f"{seq * HIDDEN * 2 / 2**20:7.2f}{median:10.2f}" + (f"{mine:13.2f}{mine / median:8.3f}" if mine else ""))


if __name__ == "__main__":
    main()
