#!/usr/bin/env python3
"""The PyTorch side of commgate's multi-GPU comparison, one process per GPU:

    python3 -m torch.distributed.run --nproc_per_node=N bench/torch_reference.py \
        [--ours example/target/commgate/results.json] [--json out.json]

Measures, for bf16 tensors (seq, 8192), what commgate's communicators correspond to:
  pynccl        out-of-place ncclAllReduce through ctypes on the system libnccl.so.2 (vLLM's PyNccl)
  torch-nccl    torch.distributed.all_reduce, in place, NCCL process group
  torch-1shot   torch.ops.symm_mem.one_shot_all_reduce on a symmetric-memory buffer
  torch-2shot   torch.ops.symm_mem.two_shot_all_reduce_ (in place) on a symmetric-memory buffer
each as 10 all-reduces captured in one CUDA graph, 5 warm-up replays, a barrier, then 50 replays
back to back with a CUDA event between each two (the schedule commgate uses); every result is
checked against the exact sum of commgate's inputs. Multicast stays off (NVLS, symm-mem multicast).
"""
import os

os.environ.setdefault("NCCL_NVLS_ENABLE", "0")
os.environ.setdefault("TORCH_SYMM_MEM_DISABLE_MULTICAST", "1")
os.environ.setdefault("NVSHMEM_DISABLE_NVLS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nccl_reference import (HIDDEN, NCCL_BFLOAT16, NCCL_SUM, check, commgate_inputs,  # noqa: E402
                            graph_samples, init_comm, load_nccl)



def graph_median_us(fn, warmups, trials, stream):
    return graph_samples(fn, warmups, trials, stream, before_timing=dist.barrier)[0]


def slowest_rank_median(samples):
    """commgate's point sample: per trial the slowest rank's, then the median."""
    mine = torch.tensor(samples, device="cuda")
    gathered = [torch.empty_like(mine) for _ in range(dist.get_world_size())]
    dist.all_gather(gathered, mine)
    return statistics.median(torch.stack(gathered).max(dim=0).values.tolist())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--nccl", default="/usr/lib/x86_64-linux-gnu/libnccl.so.2")
    parser.add_argument("--sequence-lengths", type=int, nargs="+", default=[16, 64, 128, 512, 1024, 2048, 4096, 8192])
    parser.add_argument("--num-warmup", type=int, default=5)
    parser.add_argument("--num-trials", type=int, default=50)
    parser.add_argument("--ours", help="commgate's results.json to compare with")
    parser.add_argument("--json", help="write rank 0's figures here")
    args = parser.parse_args()
    dist.init_process_group("nccl")
    rank, world = dist.get_rank(), dist.get_world_size()
    torch.cuda.set_device(rank)
    cpu_group = dist.new_group(backend="gloo")
    group_name = dist.group.WORLD.group_name
    import torch.distributed._symmetric_memory as symm_mem
    try:
        symm_mem.enable_symm_mem_for_group(group_name)
    except Exception:
        pass

    nccl = load_nccl(args.nccl)
    comm = init_comm(nccl, rank, world, group=cpu_group)
    stream = torch.cuda.Stream()
    figures = {}
    for seq in args.sequence_lengths:
        numel = seq * HIDDEN
        x = commgate_inputs(rank, numel)
        expected = sum(commgate_inputs(r, numel).float() for r in range(world)).to(torch.bfloat16)
        torch.cuda.synchronize()
        results = {}

        # Each op is timed as it would run in a model's graph (no copy in), then checked once,
        # eagerly, from fresh inputs: the in-place ones would otherwise keep doubling the data.
        out = torch.empty_like(x)
        def pynccl():
            check(nccl.ncclAllReduce(x.data_ptr(), out.data_ptr(), numel, NCCL_BFLOAT16, NCCL_SUM, comm,
                                     torch.cuda.current_stream().cuda_stream), "ncclAllReduce")
        results["pynccl"] = (graph_median_us(pynccl, args.num_warmup, args.num_trials, stream), pynccl, lambda: None, lambda: out)

        y = x.clone()
        results["torch-nccl"] = (graph_median_us(lambda: dist.all_reduce(y), args.num_warmup, args.num_trials, stream),
                                 lambda: dist.all_reduce(y), lambda: y.copy_(x), lambda: y)

        buffer = symm_mem.empty(numel, dtype=torch.bfloat16, device="cuda")
        symm_mem.rendezvous(buffer, group_name)
        buffer.copy_(x)
        torch.cuda.synchronize()
        holder_out = {}
        def one_shot():
            holder_out["o"] = torch.ops.symm_mem.one_shot_all_reduce(buffer, "sum", group_name)
        def two_shot():
            torch.ops.symm_mem.two_shot_all_reduce_(buffer, "sum", group_name)
        for name, op, reset, result in (("torch-1shot", one_shot, lambda: buffer.copy_(x), lambda: holder_out["o"]),
                                        ("torch-2shot", two_shot, lambda: buffer.copy_(x), lambda: buffer)):
            try:
                results[name] = (graph_median_us(op, args.num_warmup, args.num_trials, stream), op, reset, result)
            except Exception as e:  # noqa: BLE001
                if rank == 0:
                    print(f"# {name} at seq {seq}: {e}")
        figures[seq] = {}
        for name, (samples, op, reset, result) in results.items():
            # torch's two-shot sums bf16 pairwise (no fp32 accumulation): exact here anyway,
            # because commgate's inputs sum exactly in any order.
            reset()
            torch.cuda.synchronize()
            dist.barrier()
            op()
            torch.cuda.synchronize()
            correct = torch.equal(result().view(-1), expected.view(-1))
            figures[seq][name] = (slowest_rank_median(samples), correct)
        del buffer
        dist.barrier()

    if rank == 0:
        report(figures, args, world)
    dist.barrier()
    dist.destroy_process_group()


def report(figures, args, world):
    ours = {}
    if args.ours:
        with open(args.ours) as f:
            for p in json.load(f)["points"]:
                if p["status"] == "MEASURED":
                    ours[(p["communicator"], p["sequence_length"])] = p["median_us"]
    print(f"# {torch.cuda.get_device_name()}, {world} GPUs, torch {torch.__version__}, NCCL (ctypes) {args.nccl}")
    names = ["pynccl", "torch-nccl", "torch-1shot", "torch-2shot"]
    print(f"{'MiB':>7} " + "".join(f"{n:>13}" for n in names) + "   (us; * = wrong result)")
    for seq, row in figures.items():
        cells = "".join(f"{row[n][0]:12.2f}{'' if row[n][1] else '*'} " if n in row else f"{'-':>13}" for n in names)
        print(f"{seq * HIDDEN * 2 / 2**20:7.2f} {cells}")
    if ours:
        pairs = [("nccl", "pynccl"), ("nccl", "torch-nccl"), ("custom-oneshot", "torch-1shot"),
                 ("custom-twoshot", "torch-2shot"), ("symm-twoshot", "torch-2shot")]
        print("\nours / PyTorch's (median latency ratio; below 1 is faster)")
        print(f"{'MiB':>7} " + "".join(f"{a + '/' + b:>28}" for a, b in pairs))
        for seq, row in figures.items():
            cells = ""
            for a, b in pairs:
                mine, theirs = ours.get((a, seq)), row.get(b, (None,))[0]
                cells += f"{(f'{mine:.2f}/{theirs:.2f}={mine / theirs:.3f}' if mine and theirs else '-'):>28}"
            print(f"{seq * HIDDEN * 2 / 2**20:7.2f} {cells}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({str(s): {n: {"median_us": v[0], "correct": v[1]} for n, v in r.items()} for s, r in figures.items()}, f, indent=2)


if __name__ == "__main__":
    main()
