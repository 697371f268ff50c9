package io.github.commgate.comm.cpu;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.ExactSumPattern;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.WorkerPhase;
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
 * they are written once per point and an all-reduce copies nothing in. With a rotating buffer
 * (MeasuringProtocol), all-reduce {@code k} of a round reads and writes at the protocol's offset
 * {@code k}, as nccl-tests' {@code startColl} shifts its pointers (src/common.cu), and every offset
 * holds the inputs and is checked.
 */
abstract class SharedMemoryAllReduce implements Communicator {

    /** The width of the vectors the algorithms move, as in vLLM's kernels. */
    static final int VECTOR_BYTES = 16;
    /** Ranks are threads or processes of one host; the control area has a line for each. */
    static final int MIN_RANKS = 2;
    static final int MAX_RANKS = ExactSumPattern.MAX_WORLD_SIZE;
    /** One mapping holds at most 2 GiB, and elements are indexed by int. */
    private static final long MAX_SEGMENT_BYTES = (Integer.MAX_VALUE / VECTOR_BYTES) * VECTOR_BYTES;
    /** NaN in every dtype: all bits set. */
    private static final byte POISON = (byte) 0xFF;

    final RankContext context;
    final int rank;
    final int worldSize;
    /** Bytes of the largest point the segments serve. */
    private final long capacityBytes;
    /** Bytes of each input and output segment: the largest point, or the rotating buffer. */
    private final long bufferBytes;
    private SharedMemoryFile file;
    CounterBarrier barrier;
    /** Every rank's shared input segment, indexed by rank. */
    TypedSegment[] inputs;
    /** Every rank's shared scratch segment, indexed by rank; null where the algorithm has none. */
    TypedSegment[] scratches;
    /** This rank's private result. */
    TypedSegment output;
    final RankOrderSum sum = new RankOrderSum();
    private final byte[] poison = poisonChunk();

    SharedMemoryAllReduce(RankContext context) {
        this.context = context;
        this.rank = context.rank();
        this.worldSize = context.worldSize();
        long wanted = Math.max(VECTOR_BYTES, context.maxBytes() / VECTOR_BYTES * VECTOR_BYTES);
        this.capacityBytes = Math.min(wanted, MAX_SEGMENT_BYTES);
        long rotating = (context.bufferBytes() + VECTOR_BYTES - 1) / VECTOR_BYTES * VECTOR_BYTES;
        this.bufferBytes = Math.min(Math.max(capacityBytes, rotating), MAX_SEGMENT_BYTES);
    }

    /** Creates and maps the shared file; a world size this cannot serve shares nothing. */
    final void open() throws IOException {
        if (worldSize < MIN_RANKS || worldSize > MAX_RANKS) {
            return;
        }
        long control = SharedMemoryFile.PAGE_BYTES;
        long inputStride = SharedMemoryFile.pageAligned(bufferBytes);
        long scratchStride = SharedMemoryFile.pageAligned(scratchBytes(capacityBytes, worldSize));
        long total = control + worldSize * (inputStride + scratchStride);
        file = SharedMemoryFile.open(name(), context, total);
        barrier = new CounterBarrier(file.map(0, control), rank, worldSize);
        inputs = new TypedSegment[worldSize];
        scratches = new TypedSegment[worldSize];
        for (int r = 0; r < worldSize; r++) {
            inputs[r] = TypedSegment.of(file.map(control + r * inputStride, bufferBytes));
            if (scratchStride > 0) {
                long scratchOffset = control + worldSize * inputStride + r * scratchStride;
                scratches[r] = TypedSegment.of(file.map(scratchOffset, scratchStride));
            }
        }
        output = TypedSegment.of(ByteBuffer.allocateDirect((int) bufferBytes));
        // Everyone has mapped the file before anyone may close it and rank 0 delete it.
        context.rendezvous().barrier();
    }

    /** Bytes of scratch each rank needs for a tensor of {@code capacityBytes}; 0 for none. */
    abstract long scratchBytes(long capacityBytes, int worldSize);

    /**
     * One all-reduce of {@code point}'s elements from every rank's input at {@code offsetBytes}
     * into the output at the same offset.
     */
    abstract void allReduce(AllReducePoint point, int offsetBytes) throws IOException;

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
        if (context.protocol().rotatingBufferBytes() > bufferBytes) {
            return Optional.of("rotatingBufferSize " + context.protocol().rotatingBufferBytes()
                    + " bytes is more than the " + bufferBytes + " bytes one shared segment holds");
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
        PhaseTimes phases = context.phases();
        try (PhaseTimes.Span writing = phases.start(WorkerPhase.INPUTS)) {
            fillInputs(point);
        }
        try (PhaseTimes.Span waiting = phases.start(WorkerPhase.WAITING)) {
            // Every peer's input is written before anyone reads it.
            context.rendezvous().barrier();
        }
        MeasuringProtocol protocol = context.protocol();
        // All-reduce k of a round works at offsets[k]; worked out once, outside the timed loop.
        int[] offsets = new int[protocol.cycles()];
        for (int k = 0; k < offsets.length; k++) {
            offsets[k] = (int) protocol.offsetBytes(point, k);
        }
        try (PhaseTimes.Span warmup = phases.start(WorkerPhase.WARMUP)) {
            for (long i = 0; i < warmUpAllReduces(point, protocol, jitWarmedUp); i++) {
                allReduce(point, offsets[(int) (i % offsets.length)]);
            }
        }
        jitWarmedUp = true;
        double[] latencyMicros = new double[protocol.trials()];
        try (PhaseTimes.Span timed = phases.start(WorkerPhase.TIMED)) {
            for (int trial = 0; trial < protocol.trials(); trial++) {
                long start = System.nanoTime();
                for (int cycle = 0; cycle < offsets.length; cycle++) {
                    allReduce(point, offsets[cycle]);
                }
                latencyMicros[trial] = (System.nanoTime() - start) / 1e3 / protocol.cycles();
            }
        }
        try (PhaseTimes.Span checks = phases.start(WorkerPhase.CHECKS)) {
            return new PointMeasurement(latencyMicros, checkedAllReduce(point));
        }
    }

    /** Writes this rank's {@link ExactSumPattern} inputs into its shared segment, at every offset a round uses. */
    final void fillInputs(AllReducePoint point) {
        requireOpen();
        MeasuringProtocol protocol = context.protocol();
        for (int slot = 0; slot < protocol.slots(point); slot++) {
            context.exactSums().writeInputs(inputs[rank].bytes(), (int) protocol.offsetBytes(point, slot), point);
        }
    }

    /**
     * Poisons the output with NaN (all ones in every dtype) at every offset a round uses, so an
     * element the all-reduce fails to write cannot pass for a stale correct one, runs one
     * all-reduce at each and compares every element bit for bit with the exact sum.
     */
    final Correctness checkedAllReduce(AllReducePoint point) throws IOException {
        requireOpen();
        MeasuringProtocol protocol = context.protocol();
        int slots = protocol.slots(point);
        for (int slot = 0; slot < slots; slot++) {
            int offset = (int) protocol.offsetBytes(point, slot);
            for (int done = 0; done < point.bytes(); done += poison.length) {
                output.bytes().put(offset + done, poison, 0, (int) Math.min(poison.length, point.bytes() - done));
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            allReduce(point, (int) protocol.offsetBytes(point, slot));
        }
        for (int slot = 0; slot < slots; slot++) {
            long offset = protocol.offsetBytes(point, slot);
            Correctness checked = context.exactSums().check(output.bytes(), (int) offset, point);
            if (!checked.correct()) {
                return checked.atOffset(offset, slots);
            }
        }
        return Correctness.exact();
    }

    private static byte[] poisonChunk() {
        byte[] chunk = new byte[1 << 16];
        Arrays.fill(chunk, POISON);
        return chunk;
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
