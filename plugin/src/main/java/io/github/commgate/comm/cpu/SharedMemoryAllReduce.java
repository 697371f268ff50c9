package io.github.commgate.comm.cpu;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.ExactSumCheck;
import io.github.commgate.comm.ExactSumPattern;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the shared-memory all-reduces have in common: the shared file and its layout, the
 * barrier, the private output, and the measurement of a point (fill, warm up, time, check).
 * Subclasses supply the algorithm, {@link #allReduce}, and how much scratch it needs.
 *
 * <p>Inputs live in the rank's shared segment, as vLLM's inputs registered under CUDA graphs do:
 * they are written once per point and an all-reduce copies nothing in.
 */
abstract class SharedMemoryAllReduce implements Communicator {

    /** The width of the vectors the algorithms move, as in vLLM's kernels. */
    static final int VECTOR_BYTES = 16;
    /** Ranks are threads or processes of one host; the control area has a line for each. */
    static final int MIN_RANKS = 2;
    static final int MAX_RANKS = ExactSumPattern.MAX_WORLD_SIZE;
    /** One mapping holds at most 2 GiB, and elements are indexed by int. */
    private static final long MAX_SEGMENT_BYTES = (Integer.MAX_VALUE / VECTOR_BYTES) * VECTOR_BYTES;
    private static final int POISON_BITS = 0xFFFFFFFF;

    final RankContext context;
    final int rank;
    final int worldSize;
    private final long capacityBytes;
    private SharedMemoryFile file;
    CounterBarrier barrier;
    /** Every rank's shared input segment, indexed by rank. */
    TypedSegment[] inputs;
    /** Every rank's shared scratch segment, indexed by rank; null where the algorithm has none. */
    TypedSegment[] scratches;
    /** This rank's private result. */
    TypedSegment output;
    final RankOrderSum sum = new RankOrderSum();
    private final int[] bits = new int[RankOrderSum.CHUNK_ELEMENTS];

    SharedMemoryAllReduce(RankContext context) {
        this.context = context;
        this.rank = context.rank();
        this.worldSize = context.worldSize();
        long wanted = Math.max(VECTOR_BYTES, context.maxBytes() / VECTOR_BYTES * VECTOR_BYTES);
        this.capacityBytes = Math.min(wanted, MAX_SEGMENT_BYTES);
    }

    /** Creates and maps the shared file; a world size this cannot serve shares nothing. */
    final void open() throws IOException {
        if (worldSize < MIN_RANKS || worldSize > MAX_RANKS) {
            return;
        }
        long control = SharedMemoryFile.PAGE_BYTES;
        long inputStride = SharedMemoryFile.pageAligned(capacityBytes);
        long scratchStride = SharedMemoryFile.pageAligned(scratchBytes(capacityBytes, worldSize));
        long total = control + worldSize * (inputStride + scratchStride);
        file = SharedMemoryFile.open(name(), context, total);
        barrier = new CounterBarrier(file.map(0, control), rank, worldSize);
        inputs = new TypedSegment[worldSize];
        scratches = new TypedSegment[worldSize];
        for (int r = 0; r < worldSize; r++) {
            inputs[r] = TypedSegment.of(file.map(control + r * inputStride, capacityBytes));
            if (scratchStride > 0) {
                long scratchOffset = control + worldSize * inputStride + r * scratchStride;
                scratches[r] = TypedSegment.of(file.map(scratchOffset, scratchStride));
            }
        }
        output = TypedSegment.of(ByteBuffer.allocateDirect((int) capacityBytes));
        // Everyone has mapped the file before anyone may close it and rank 0 delete it.
        context.rendezvous().barrier();
    }

    /** Bytes of scratch each rank needs for a tensor of {@code capacityBytes}; 0 for none. */
    abstract long scratchBytes(long capacityBytes, int worldSize);

    /** One all-reduce of {@code point}'s elements from every rank's input into the output. */
    abstract void allReduce(AllReducePoint point) throws IOException;

    @Override
    public final Optional<String> skipReason(AllReducePoint point) {
        if (worldSize < MIN_RANKS || worldSize > MAX_RANKS) {
            return Optional.of("needs " + MIN_RANKS + " to " + MAX_RANKS + " ranks, this run has "
                    + worldSize);
        }
        if (point.bytes() % VECTOR_BYTES != 0) {
            return Optional.of(point.bytes() + " bytes is not a multiple of the " + VECTOR_BYTES
                    + "-byte vector the algorithm moves");
        }
        long limit = Math.min(context.maxBytes(), capacityBytes);
        if (point.bytes() > limit) {
            return Optional.of(point.bytes() + " bytes is more than the " + limit
                    + " bytes its shared buffers were sized for");
        }
        return Optional.empty();
    }

    /**
     * Bytes to all-reduce untimed before a point's trials, beyond its warm-up rounds: the JIT
     * compiles the summing loops only after many iterations, and a rank whose peer is busy
     * compiling waits at every barrier. Measured on a 2-core runner with 5 warm-up rounds alone:
     * the first third of a point's trials ran 30-40 % slower than the rest, moving the median
     * from run to run. The first point of a communicator warms up the most.
     */
    static final long JIT_WARM_UP_BYTES = 512L << 20;
    static final long POINT_WARM_UP_BYTES = 64L << 20;
    /** Keeps the warm-up of tiny points short; a few thousand all-reduces compile everything. */
    static final long MAX_WARM_UP_ALL_REDUCES = 4096;

    private boolean jitWarmedUp;

    /** The same on every rank, since every rank measures the same points in the same order. */
    static long warmUpAllReduces(AllReducePoint point, MeasuringProtocol protocol, boolean jitWarmedUp) {
        long bytes = jitWarmedUp ? POINT_WARM_UP_BYTES : JIT_WARM_UP_BYTES;
        long extra = Math.min(MAX_WARM_UP_ALL_REDUCES, (bytes + point.bytes() - 1) / point.bytes());
        return (long) protocol.warmups() * protocol.cycles() + extra;
    }

    @Override
    public final PointMeasurement measure(AllReducePoint point) throws IOException {
        skipReason(point).ifPresent(reason -> {
            throw new IllegalArgumentException(name() + " cannot measure " + point + ": " + reason);
        });
        fillInputs(point);
        // Every peer's input is written before anyone reads it.
        context.rendezvous().barrier();
        for (long i = 0; i < warmUpAllReduces(point, context.protocol(), jitWarmedUp); i++) {
            allReduce(point);
        }
        jitWarmedUp = true;
        MeasuringProtocol protocol = context.protocol();
        double[] latencyMicros = new double[protocol.trials()];
        for (int trial = 0; trial < protocol.trials(); trial++) {
            long start = System.nanoTime();
            for (int cycle = 0; cycle < protocol.cycles(); cycle++) {
                allReduce(point);
            }
            latencyMicros[trial] = (System.nanoTime() - start) / 1e3 / protocol.cycles();
        }
        return new PointMeasurement(latencyMicros, checkedAllReduce(point));
    }

    /** Writes this rank's {@link ExactSumPattern} inputs into its shared segment. */
    final void fillInputs(AllReducePoint point) {
        requireOpen();
        DType dtype = point.dtype();
        int elements = (int) point.elementCount();
        for (int first = 0; first < elements; first += bits.length) {
            int count = Math.min(bits.length, elements - first);
            for (int i = 0; i < count; i++) {
                bits[i] = ExactSumPattern.inputBits(rank, first + i, dtype);
            }
            inputs[rank].putBits(dtype, first, bits, count);
        }
    }

    /**
     * Poisons the output with NaN (all ones in every dtype), so an element the all-reduce fails
     * to write cannot pass for a stale correct one, runs one all-reduce and compares every
     * element bit for bit with the exact sum.
     */
    final Correctness checkedAllReduce(AllReducePoint point) throws IOException {
        requireOpen();
        DType dtype = point.dtype();
        int elements = (int) point.elementCount();
        Arrays.fill(bits, POISON_BITS);
        for (int first = 0; first < elements; first += bits.length) {
            output.putBits(dtype, first, bits, Math.min(bits.length, elements - first));
        }
        allReduce(point);
        ExactSumCheck check = new ExactSumCheck(worldSize, dtype);
        for (int first = 0; first < elements; first += bits.length) {
            int count = Math.min(bits.length, elements - first);
            output.getBits(dtype, first, bits, count);
            for (int i = 0; i < count; i++) {
                check.compare(first + i, bits[i]);
            }
        }
        return check.result();
    }

    final Path sharedFile() {
        return file.path();
    }

    final void requireOpen() {
        if (inputs == null) {
            throw new IllegalStateException(name() + " on rank " + rank
                    + " has no shared memory: closed, or the world size is unsupported");
        }
    }

    @Override
    public final void close() throws IOException {
        inputs = null;
        scratches = null;
        output = null;
        if (file != null) {
            file.close();
            file = null;
        }
    }
}
