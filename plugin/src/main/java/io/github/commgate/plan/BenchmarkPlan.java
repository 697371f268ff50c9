package io.github.commgate.plan;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The validated, immutable description of what one run measures: which communicators, at which
 * tensor sizes, how. The launcher sends it to every worker, which measures the points in
 * {@link #points()} order: sizes outer, communicators inner, as vLLM's benchmark does. Built by
 * name ({@link #builder()}, {@link #toBuilder()}), narrowed by {@link #restrictedTo}, so no copy
 * can drop a field.
 *
 * @param customMaxBytes the largest all-reduce our own kernels take; their larger points are skipped
 */
public record BenchmarkPlan(Backend backend, int worldSize, List<String> communicators,
                            List<Integer> sequenceLengths, int hiddenSize, DType dtype,
                            MeasuringProtocol protocol, long customMaxBytes) {

    public BenchmarkPlan {
        communicators = List.copyOf(communicators);
        sequenceLengths = List.copyOf(sequenceLengths);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().backend(backend).worldSize(worldSize).communicators(communicators)
                .sequenceLengths(sequenceLengths).hiddenSize(hiddenSize).dtype(dtype).protocol(protocol)
                .customMaxBytes(customMaxBytes);
    }

    /** This plan, measuring only these communicators and sizes (in this plan's order); every other setting kept. */
    public BenchmarkPlan restrictedTo(Collection<String> onlyCommunicators, Collection<Integer> onlySequenceLengths) {
        return toBuilder().communicators(communicators.stream().filter(onlyCommunicators::contains).toList())
                .sequenceLengths(sequenceLengths.stream().filter(onlySequenceLengths::contains).toList()).build();
    }

    public AllReducePoint point(int sequenceLength) {
        return new AllReducePoint(sequenceLength, hiddenSize, dtype);
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

    /** Named construction, starting from the defaults; the communicators and sizes must be given. */
    public static final class Builder {

        private Backend backend = Backend.CPU;
        private int worldSize = Defaults.CPU_WORLD_SIZE;
        private List<String> communicators = List.of();
        private List<Integer> sequenceLengths = List.of();
        private int hiddenSize = Defaults.HIDDEN_SIZE;
        private DType dtype = DType.BF16;
        private MeasuringProtocol protocol = new MeasuringProtocol(Defaults.WARMUPS, Defaults.TRIALS, Defaults.CYCLES);
        private long customMaxBytes = Defaults.CUSTOM_MAX_BYTES;

        private Builder() {
        }

        public Builder backend(Backend value) {
            backend = value;
            return this;
        }

        public Builder worldSize(int value) {
            worldSize = value;
            return this;
        }

        public Builder communicators(List<String> value) {
            communicators = value;
            return this;
        }

        public Builder communicators(String... value) {
            return communicators(List.of(value));
        }

        public Builder sequenceLengths(List<Integer> value) {
            sequenceLengths = value;
            return this;
        }

        public Builder sequenceLengths(Integer... value) {
            return sequenceLengths(List.of(value));
        }

        public Builder hiddenSize(int value) {
            hiddenSize = value;
            return this;
        }

        public Builder dtype(DType value) {
            dtype = value;
            return this;
        }

        public Builder protocol(MeasuringProtocol value) {
            protocol = value;
            return this;
        }

        public Builder protocol(int warmups, int trials, int cycles) {
            return protocol(new MeasuringProtocol(warmups, trials, cycles));
        }

        public Builder customMaxBytes(long value) {
            customMaxBytes = value;
            return this;
        }

        public BenchmarkPlan build() {
            return new BenchmarkPlan(backend, worldSize, communicators, sequenceLengths, hiddenSize, dtype, protocol,
                    customMaxBytes);
        }
    }
}
