#!/usr/bin/env python3
"""commgate's `nccl` beside nccl-tests' all_reduce_perf, size by size, from one call of
bench/gpu-run.sh (NCCLTESTS=1):

    python3 bench/nccl_tests_compare.py all_reduce_perf.txt results.json [results-warm.json]

all_reduce_perf.txt is all_reduce_perf's table (its out-of-place time, us, host wall time over
its -G graph launches divided by the all-reduces in them; with -c 0 its #wrong reads N/A); results.json is commgate's run of
`nccl` in the cache-cold mode (rotatingBufferSize), whose median per all-reduce it prints beside
it with the ratio. Exits 1 when a size differs by more than the tolerance (default 5 %) or
either side reports a wrong element. A third file, commgate's warm run, is shown for contrast.
"""
import json
import sys

TOLERANCE = 0.05


def nccl_tests(path):
    """size in bytes -> (out-of-place time in us, wrong elements), from all_reduce_perf's table."""
    rows = {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            if not fields or line.lstrip().startswith("#") or not fields[0].isdigit() or len(fields) < 9:
                continue
            # -c 0 leaves nccl-tests' #wrong "N/A": nothing of its own was checked, commgate's run still is.
            rows[int(fields[0])] = (float(fields[5]), 0 if fields[8] == "N/A" else int(float(fields[8])))
    return rows


def commgate(path):
    """size in bytes -> (median us, status) of communicator nccl."""
    with open(path) as f:
        points = json.load(f)["points"]
    return {p["bytes"]: (p.get("median_us"), p["status"]) for p in points if p["communicator"] == "nccl"}


def main():
    theirs = nccl_tests(sys.argv[1])
    cold = commgate(sys.argv[2])
    warm = commgate(sys.argv[3]) if len(sys.argv) > 3 else {}
    print(f"{'MiB':>6} {'nccl-tests us':>14} {'commgate cold':>14} {'cold/nccl-tests':>16} {'commgate warm':>14}")
    failed = False
    for size in sorted(set(theirs) | set(cold)):
        their_us, wrong = theirs.get(size, (None, 0))
        our_us, status = cold.get(size, (None, "absent"))
        ratio = our_us / their_us if our_us and their_us else None
        bad = wrong != 0 or status != "MEASURED" or ratio is None or abs(ratio - 1) > TOLERANCE
        failed |= bad
        warm_us = warm.get(size, (None, ""))[0]
        print(f"{size / 2**20:6.0f} {their_us if their_us is not None else '-':>14} "
              f"{f'{our_us:.2f}' if our_us else status:>14} {f'{ratio:.3f}' if ratio else '-':>16} "
              f"{f'{warm_us:.2f}' if warm_us else '-':>14}{'  <-- over ' + str(int(TOLERANCE * 100)) + ' %' if bad else ''}")
    print(f"{'FAIL' if failed else 'PASS'}: commgate's cold nccl within {int(TOLERANCE * 100)} % of nccl-tests at every size")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
