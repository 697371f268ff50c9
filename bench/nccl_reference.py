#!/usr/bin/env python3
"""The PyTorch side of commgate's NCCL comparison, measured as vLLM's PyNccl does it.

Out-of-place ncclAllReduce called through ctypes on the same libnccl.so.2 that commgate's
JavaCPP bindings load, 10 all-reduces captured in one torch CUDA graph, warm-up replays, then
timed replays back to back with a CUDA event between each two: the same schedule commgate uses.
One process, world size 1 (NCCL refuses two ranks on one GPU).

    python3 nccl_reference.py [--ours benchmark.json] [--sequence-lengths 128 512 ...]

With --ours, prints commgate's median next to this script's per size, as a ratio.
"""
import argparse
import ctypes
import json
import statistics
import time

import torch

from nccl_reference_common import HIDDEN, NCCL_BFLOAT16, NCCL_SUM, UniqueId, check, load_nccl  # noqa: F401

CYCLES = 10
INPUTS = "pattern"
HOLD = False
HOLD_CYCLES = 200_000_000


def init_comm(nccl, rank, world, group=None):
    """An NCCL communicator of `world` ranks through ctypes, its unique id sent from rank 0 over the
    torch.distributed group (gloo), as vLLM's PyNccl makes one."""
    import torch.distributed as dist
    uid = UniqueId()
    if rank == 0:
        check(nccl.ncclGetUniqueId(ctypes.byref(uid)), "ncclGetUniqueId")
    holder = [bytes(uid.internal) if rank == 0 else None]
    dist.broadcast_object_list(holder, src=0, group=group)
    ctypes.memmove(ctypes.addressof(uid), holder[0], 128)
    comm = ctypes.c_void_p()
    check(nccl.ncclCommInitRank(ctypes.byref(comm), world, uid, rank), "ncclCommInitRank")
    return comm


def commgate_inputs(rank, count):
    """commgate's ExactSumPattern in torch: the same k/4 values, so both sides copy the same data
    (the GPU's copy time was seen to depend on the values: ones copy faster than varied data)."""
    low = 0xFFFFFFFF
    index = torch.arange(count, device="cuda", dtype=torch.int64)
    h = (((index ^ (index >> 32)) & low) * 0x9E3779B1 + (rank + 1) * 0x85EBCA77) & low
    h ^= h >> 16
    h = (h * 0x7FEB352D) & low
    h ^= h >> 15
    h = (h * 0x846CA68B) & low
    h ^= h >> 16
    return ((h % 61) - 30).to(torch.float32).div(4).to(torch.bfloat16)


def graph_samples(op, warmups, trials, stream, before_timing=lambda: None):
    """commgate's schedule in torch: 3 eager calls, CYCLES calls captured in one CUDA graph, warm-up
    replays, then replays back to back with an event between each two. Returns per-replay
    microseconds per op, and the host time per op over all replays (vLLM's figure)."""
    with torch.cuda.stream(stream):
        for _ in range(3):
            op()
        torch.cuda.synchronize()
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph, stream=stream):
            for _ in range(CYCLES):
                op()
        torch.cuda.synchronize()
        for _ in range(warmups):
            graph.replay()
        torch.cuda.synchronize()
        before_timing()
        events = [torch.cuda.Event(enable_timing=True) for _ in range(trials + 1)]
        start = time.perf_counter()
        for i in range(trials):
            events[i].record(stream)
            graph.replay()
        events[trials].record(stream)
        torch.cuda.synchronize()
        host_us = (time.perf_counter() - start) * 1e6 / trials / CYCLES
    return [events[i].elapsed_time(events[i + 1]) * 1e3 / CYCLES for i in range(trials)], host_us


def measure(nccl, comm, seq, warmups, trials, pool=None):
    if pool is None:
        x = torch.empty(seq, HIDDEN, dtype=torch.bfloat16, device="cuda")
        out = torch.empty_like(x)
    else:
        # Views at the start of two buffers of the sweep's largest size, as commgate allocates.
        x = pool[0][: seq * HIDDEN].view(seq, HIDDEN)
        out = pool[1][: seq * HIDDEN].view(seq, HIDDEN)
    x.copy_(commgate_inputs(0, seq * HIDDEN).view(seq, HIDDEN) if INPUTS == "pattern" else torch.ones_like(x))
    torch.cuda.synchronize()
    stream = torch.cuda.Stream()

    def all_reduce():
        check(nccl.ncclAllReduce(x.data_ptr(), out.data_ptr(), x.numel(), NCCL_BFLOAT16, NCCL_SUM,
                                 comm, torch.cuda.current_stream().cuda_stream), "ncclAllReduce")

    hold = (lambda: torch.cuda._sleep(HOLD_CYCLES)) if HOLD else (lambda: None)
    samples, host_us = graph_samples(all_reduce, warmups, trials, stream, hold)
    assert torch.equal(out, x), "world size 1: the all-reduce must copy its input"
    return statistics.median(samples), host_us


def main():
    parser = argparse.ArgumentParser()
    # By path: "libnccl.so.2" would return the copy torch already loaded (its own wheel's NCCL),
    # not the system library that commgate's JavaCPP bindings link.
    parser.add_argument("--nccl", default="/usr/lib/x86_64-linux-gnu/libnccl.so.2")
    parser.add_argument("--sequence-lengths", type=int, nargs="+", default=[16, 64, 128, 512, 1024, 2048, 4096, 8192])
    parser.add_argument("--num-warmup", type=int, default=5)
    parser.add_argument("--num-trials", type=int, default=50)
    parser.add_argument("--ours", help="commgate's benchmark.json to compare with")
    parser.add_argument("--largest-buffers", action="store_true",
                        help="run every size in two buffers of the largest size instead of fresh tensors")
    parser.add_argument("--cycles", type=int, default=10, help="all-reduces captured per graph")
    parser.add_argument("--inputs", choices=["pattern", "ones"], default="pattern",
                        help="commgate's exact-sum values (default), or all ones")
    parser.add_argument("--hold", action="store_true",
                        help="park the stream behind a spin kernel while every timed replay is queued")
    args = parser.parse_args()
    global INPUTS, CYCLES, HOLD
    INPUTS, CYCLES, HOLD = args.inputs, args.cycles, args.hold
    begin = time.perf_counter()
    nccl = load_nccl(args.nccl)
    version = ctypes.c_int()
    check(nccl.ncclGetVersion(ctypes.byref(version)), "ncclGetVersion")
    uid = UniqueId()
    check(nccl.ncclGetUniqueId(ctypes.byref(uid)), "ncclGetUniqueId")
    comm = ctypes.c_void_p()
    check(nccl.ncclCommInitRank(ctypes.byref(comm), 1, uid, 0), "ncclCommInitRank")
    ours = {}
    if args.ours:
        with open(args.ours) as f:
            for point in json.load(f)["points"]:
                if point["communicator"] == "nccl" and point["status"] == "MEASURED":
                    ours[point["sequence_length"]] = point
    print(f"# {torch.cuda.get_device_name()}, NCCL {version.value} through ctypes, torch {torch.__version__}")
    print(f"{'shape':<16}{'MiB':>8}{'python us':>12}{'commgate us':>13}{'ratio':>8}{'py host us':>12}{'cg host us':>12}")
    pool = None
    if args.largest_buffers:
        largest = max(args.sequence_lengths) * HIDDEN
        pool = [torch.empty(largest, dtype=torch.bfloat16, device="cuda") for _ in range(2)]
    for seq in args.sequence_lengths:
        median, host = measure(nccl, comm, seq, args.num_warmup, args.num_trials, pool)
        mine = ours.get(seq)
        ratio = f"{mine['median_us'] / median:8.3f}" if mine else f"{'-':>8}"
        mine_us = f"{mine['median_us']:13.2f}" if mine else f"{'-':>13}"
        mine_host = f"{mine.get('host_us', float('nan')):12.2f}" if mine else f"{'-':>12}"
        print(f"{f'({seq}, {HIDDEN})':<16}{seq * HIDDEN * 2 / 2**20:8.2f}{median:12.2f}{mine_us}{ratio}{host:12.2f}{mine_host}")
    print(f"# python wall time: {time.perf_counter() - begin:.1f} s (import of torch not counted)")


if __name__ == "__main__":
    main()
