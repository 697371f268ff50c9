#!/usr/bin/env python3
"""Is the torch reference's nccl figure the harness, the process or the graph?

One torch process, world size 1, the same buffers for every variant (two cudaMalloc'ed buffers
of the largest size, as commgate allocates), the schedule of nccl_reference.py:
  torch-graph      torch.cuda.CUDAGraph capture and replay (nccl_reference.py's harness)
  cudart-flags-0   the same 10 ncclAllReduce captured with cudaStreamBeginCapture on the same
                   stream, instantiated with flags 0 (as commgate and the C harness do)
  cudart-autofree  the same, instantiated with cudaGraphInstantiateFlagAutoFreeOnLaunch, the
                   flag torch instantiates its graphs with
Every variant is timed with cudart events, replays back to back, median per op.

    python3 bench/nccl_graph_probe.py [--ours results.json]
"""
import argparse
import ctypes
import statistics

import torch

import nccl_reference as r
from nccl_placement import SIZES, Harness, MiB, nccl_medians
from nccl_reference_common import HIDDEN, NCCL_BFLOAT16, NCCL_SUM, check

AUTO_FREE_ON_LAUNCH = 1
WARMUPS, TRIALS = 5, 50


def cudart_graph_us(h, op, stream, flags):
    rt = h.rt
    rt.cudaStreamBeginCapture.argtypes = [ctypes.c_void_p, ctypes.c_int]
    rt.cudaStreamEndCapture.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    rt.cudaGraphInstantiateWithFlags.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p, ctypes.c_ulonglong]
    rt.cudaGraphLaunch.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    rt.cudaEventRecord.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    rt.cudaEventElapsedTime.argtypes = [ctypes.POINTER(ctypes.c_float), ctypes.c_void_p, ctypes.c_void_p]
    rt.cudaEventSynchronize.argtypes = [ctypes.c_void_p]
    rt.cudaStreamSynchronize.argtypes = [ctypes.c_void_p]
    for _ in range(3):
        op(stream)
    check(rt.cudaStreamSynchronize(stream), "cudaStreamSynchronize")
    graph, graph_exec = ctypes.c_void_p(), ctypes.c_void_p()
    check(rt.cudaStreamBeginCapture(stream, 0), "cudaStreamBeginCapture")
    for _ in range(r.CYCLES):
        op(stream)
    check(rt.cudaStreamEndCapture(stream, ctypes.byref(graph)), "cudaStreamEndCapture")
    check(rt.cudaGraphInstantiateWithFlags(ctypes.byref(graph_exec), graph, flags), "cudaGraphInstantiateWithFlags")
    for _ in range(WARMUPS):
        check(rt.cudaGraphLaunch(graph_exec, stream), "cudaGraphLaunch")
    check(rt.cudaStreamSynchronize(stream), "cudaStreamSynchronize")
    events = []
    for _ in range(TRIALS + 1):
        event = ctypes.c_void_p()
        check(rt.cudaEventCreate(ctypes.byref(event)), "cudaEventCreate")
        events.append(event)
    for i in range(TRIALS):
        check(rt.cudaEventRecord(events[i], stream), "cudaEventRecord")
        check(rt.cudaGraphLaunch(graph_exec, stream), "cudaGraphLaunch")
    check(rt.cudaEventRecord(events[TRIALS], stream), "cudaEventRecord")
    check(rt.cudaEventSynchronize(events[TRIALS]), "cudaEventSynchronize")
    samples = []
    for i in range(TRIALS):
        ms = ctypes.c_float()
        check(rt.cudaEventElapsedTime(ctypes.byref(ms), events[i], events[i + 1]), "cudaEventElapsedTime")
        samples.append(ms.value * 1e3 / r.CYCLES)
    return statistics.median(samples)


def stream_survey(h, src, dst, streams):
    """The same graph on each of several streams, created one after another and kept."""
    h.rt.cudaStreamCreateWithFlags.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_uint]
    created = []
    for _ in range(streams):
        stream = ctypes.c_void_p()
        check(h.rt.cudaStreamCreateWithFlags(ctypes.byref(stream), 1), "cudaStreamCreateWithFlags")
        created.append(stream.value)
    for seq in [512, 1024, 2048]:
        count = seq * HIDDEN
        h.median_us(seq, src, dst)

        def op(s, count=count):
            check(h.nccl.ncclAllReduce(src, dst, count, NCCL_BFLOAT16, NCCL_SUM, h.comm, s), "ncclAllReduce")

        figures = [cudart_graph_us(h, op, stream, 0) for stream in created]
        print(f"({seq}, {HIDDEN}) stream by stream: " + " ".join(f"{us:.2f}" for us in figures), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", help="commgate's results.json")
    parser.add_argument("--streams", type=int, help="instead: the cudart graph on this many new streams")
    args = parser.parse_args()
    ours = nccl_medians(args.ours)
    h = Harness()
    largest = max(SIZES) * HIDDEN * 2
    src, dst = h.malloc(largest), h.malloc(largest)
    if args.streams:
        return stream_survey(h, src, dst, args.streams)
    stream = torch.cuda.Stream()
    print(f"{'shape':<14}{'MiB':>7}{'torch-graph':>13}{'cudart-flags-0':>16}{'cudart-autofree':>17}{'commgate':>10}")
    for seq in SIZES:
        count = seq * HIDDEN

        def op(s, count=count):
            check(h.nccl.ncclAllReduce(src, dst, count, NCCL_BFLOAT16, NCCL_SUM, h.comm, s), "ncclAllReduce")

        torch_us = h.median_us(seq, src, dst)
        plain = cudart_graph_us(h, op, stream.cuda_stream, 0)
        auto_free = cudart_graph_us(h, op, stream.cuda_stream, AUTO_FREE_ON_LAUNCH)
        mine = ours.get(seq)
        print(f"{f'({seq}, {HIDDEN})':<14}{count * 2 / MiB:7.2f}{torch_us:13.2f}{plain:16.2f}{auto_free:17.2f}"
              f"{'-' if mine is None else f'{mine:.2f}':>10}", flush=True)


if __name__ == "__main__":
    main()
