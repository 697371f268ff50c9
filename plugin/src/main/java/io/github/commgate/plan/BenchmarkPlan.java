package io.github.commgate.plan;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated, immutable description of one run: which communicators, at which tensor sizes,
 * measured how. The launcher sends it to every worker, which measures the points in
 * {@link #points()} order: sizes outer, communicators inner, as vLLM's benchmark does.
 */
public record BenchmarkPlan(Backend backend, int worldSize, List<String> communicators,
                            List<Integer> sequenceLengths, int hiddenSize, DType dtype,
                            int warmups, int trials, int cycles, long customMaxBytes) {

    /** 8 MiB: the largest all-reduce our kernels take by default, as vLLM caps its custom all-reduce. */
    public static final long DEFAULT_CUSTOM_MAX_BYTES = 8L << 20;

    public BenchmarkPlan {
        communicators = List.copyOf(communicators);
        sequenceLengths = List.copyOf(sequenceLengths);
    }

    public BenchmarkPlan(Backend backend, int worldSize, List<String> communicators, List<Integer> sequenceLengths,
                         int hiddenSize, DType dtype, int warmups, int trials, int cycles) {
        this(backend, worldSize, communicators, sequenceLengths, hiddenSize, dtype, warmups, trials, cycles,
                DEFAULT_CUSTOM_MAX_BYTES);
    }

    public AllReducePoint point(int sequenceLength) {
        return new AllReducePoint(sequenceLength, hiddenSize, dtype, warmups, trials, cycles);
    }

    /** Every (communicator, size) pair in measuring order. */
    public List<PlannedPoint> points() {
        List<PlannedPoint> points = new ArrayList<>();
        for (int sequenceLength : sequenceLengths) {
            for (String communicator : communicators) {
                points.add(new PlannedPoint(communicator, point(sequenceLength)));
            }
        }
        return points;
    }

    /** Bytes of the largest tensor, so communicators size their buffers once. */
    public long maxBytes() {
        return sequenceLengths.stream().mapToLong(s -> point(s).bytes()).max().orElse(0);
    }

    public record PlannedPoint(String communicator, AllReducePoint point) {
    }
}
