#!/usr/bin/env python3
"""The example's default GPU sweep, done the PyTorch way, for bench/startup.sh's wall-time
comparison: what a vLLM-style script pays from `import torch` to its last line.

    python3 bench/torch_sweep.py                      # world size 1, no launcher
    python3 -m torch.distributed.run --nproc_per_node=N bench/torch_sweep.py

Per sequence length (default: commgate's cuda defaults, 256 KiB to 128 MiB in bf16) it does what
commgate's `nccl` point does: writes commgate's exact-sum inputs, 3 eager all-reduces, 10 captured
in one CUDA graph, 5 warm-up replays, a barrier, 50 timed replays with an event between each two,
then checks one more all-reduce against the exact sum. As vLLM's benchmark does, the ranks meet in
a gloo process group and the all-reduce is an out-of-place ncclAllReduce through ctypes (vLLM's
PyNccl) on the libnccl.so.2 commgate loads. Prints the median per size and the script's own wall
time, from before `import torch`.
"""
import time

START = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nccl_reference import HIDDEN, commgate_inputs, graph_samples, init_comm  # noqa: E402
from nccl_reference_common import NCCL_BFLOAT16, NCCL_SUM, check, load_nccl  # noqa: E402

DEFAULT_SEQUENCE_LENGTHS = [16, 64, 128, 512, 1024, 2048, 4096, 8192]


def single_process_environment():
    """World size 1 without a launcher, as the example runs on one GPU."""
    if "WORLD_SIZE" not in os.environ:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        os.environ.update(RANK="0", LOCAL_RANK="0", WORLD_SIZE="1", MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nccl", default="/usr/lib/x86_64-linux-gnu/libnccl.so.2")
    parser.add_argument("--sequence-lengths", type=int, nargs="+", default=DEFAULT_SEQUENCE_LENGTHS)
    parser.add_argument("--num-warmup", type=int, default=5)
    parser.add_argument("--num-trials", type=int, default=50)
    args = parser.parse_args()
    single_process_environment()
    local_rank = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(local_rank)
    dist.init_process_group(backend="gloo")
    rank, world = dist.get_rank(), dist.get_world_size()
    nccl = load_nccl(args.nccl)
    comm = init_comm(nccl, rank, world)
    stream = torch.cuda.Stream()
    wrong = 0
    for seq in args.sequence_lengths:
        count = seq * HIDDEN
        x = commgate_inputs(rank, count)
        out = torch.empty_like(x)
        expected = sum(commgate_inputs(r, count).float() for r in range(world)).to(torch.bfloat16)
        # The inputs are written on the default stream and read on graph_samples' own stream.
        torch.cuda.synchronize()

        def pynccl():
            check(nccl.ncclAllReduce(x.data_ptr(), out.data_ptr(), count, NCCL_BFLOAT16, NCCL_SUM, comm,
                                     torch.cuda.current_stream().cuda_stream), "ncclAllReduce")

        samples, _ = graph_samples(pynccl, args.num_warmup, args.num_trials, stream, before_timing=dist.barrier)
        out.fill_(float("nan"))
        pynccl()
        torch.cuda.synchronize()
        differs = out.view(torch.int16) != expected.view(torch.int16)
        mismatches = int(differs.sum())
        wrong += mismatches
        if mismatches:
            first = int(differs.nonzero()[0, 0])
            print(f"rank {rank} seq {seq}: first wrong element {first} of {count}: {out[first].item()}"
                  f" (expected {expected[first].item()}, input {x[first].item()}),"
                  f" {int(out.isnan().sum())} still NaN", file=sys.stderr)
        if rank == 0:
            print(f"seq {seq:5d} ({count * 2 / 2**20:7.2f} MiB): median {statistics.median(samples):9.2f} us"
                  f"{'' if mismatches == 0 else f', {mismatches} WRONG'}")
    dist.barrier()
    dist.destroy_process_group()
    if rank == 0:
        print(f"torch sweep: {len(args.sequence_lengths)} sizes, world size {world}, "
              f"wall {time.perf_counter() - START:.2f} s from before import torch")
    sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
