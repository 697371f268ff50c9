package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaEventCreate;
import static org.bytedeco.cuda.global.cudart.cudaEventDestroy;
import static org.bytedeco.cuda.global.cudart.cudaEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cudaEventRecord;
import static org.bytedeco.cuda.global.cudart.cudaGraphDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphExecDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphInstantiate;
import static org.bytedeco.cuda.global.cudart.cudaGraphLaunch;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaStreamBeginCapture;
import static org.bytedeco.cuda.global.cudart.cudaStreamCaptureModeThreadLocal;
import static org.bytedeco.cuda.global.cudart.cudaStreamEndCapture;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.WorkerPhase;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.cudart.CUgraphExec_st;
import org.bytedeco.cuda.cudart.CUgraph_st;
import org.bytedeco.javacpp.Pointer;

/**
 * The measurement every GPU communicator shares, as vLLM's benchmark does it: a few eager calls,
 * {@code cycles} all-reduces captured into one CUDA graph, warm-up replays, a barrier of all
 * ranks, then {@code trials} replays back to back with a CUDA event between each two. A sample is
 * the time between two events divided by {@code cycles}; the host time over all replays is kept
 * as the figure vLLM prints. Subclasses only say how to issue one all-reduce.
 *
 * <p>With a rotating buffer (MeasuringProtocol), all-reduce {@code k} of the graph reads and
 * writes at {@code offsetBytes(point, k)}, as nccl-tests' {@code startColl} shifts its pointers
 * per iteration (src/common.cu); every offset a replay touches holds the exact inputs, and the
 * check runs one round at every offset and compares each.
 */
abstract class GraphTimedAllReduce implements Communicator {

    /** vLLM runs three eager all-reduces before capturing; so do we, to settle lazy setup. */
    static final int EAGER_CALLS = 3;
    /** Why a communicator whose buffers cannot move is skipped in the cache-cold mode. */
    static final String FIXED_BUFFERS = "its buffers are fixed (registered with the peers before capture), "
            + "so it cannot rotate through rotatingBufferSize; it is measured with rotatingBufferSize 0";

    protected final CudaDevice device;
    protected final RankContext context;
    protected final CudaCalls calls;
    private final HostStaging staging;

    GraphTimedAllReduce(CudaDevice device, RankContext context) {
        this.device = device;
        this.context = context;
        this.calls = device.calls();
        this.staging = new HostStaging(context.maxBytes(), context.exactSums(), calls);
    }

    /** The buffer this rank's input is written to before each point; null until {@link #buffers}. */
    private Pointer input;
    /** The buffer the all-reduce leaves its result in. */
    private Pointer output;

    /**
     * Names the buffers the measurement writes each point's inputs to and checks the result in.
     * A subclass calls it once it has allocated them; one that cannot serve this run never does,
     * and its points are skipped before anything is written.
     */
    protected final void buffers(Pointer input, Pointer output) {
        this.input = input;
        this.output = output;
    }

    protected final Pointer input() {
        return input;
    }

    protected final Pointer output() {
        return output;
    }

    /** Enqueues one all-reduce of {@code point} on the device's stream (also while capturing). */
    protected abstract void enqueue(AllReducePoint point) throws CudaException;

    /**
     * Enqueues one all-reduce reading {@code input() + offsetBytes} into {@code output() +
     * offsetBytes}. Only communicators that {@link #rotates()} are asked for an offset other than 0.
     */
    protected void enqueue(AllReducePoint point, long offsetBytes) throws CudaException {
        if (offsetBytes != 0) {
            throw new IllegalStateException(name() + " cannot move its buffers");
        }
        enqueue(point);
    }

    /** Whether its input and output may move through a rotating buffer of context.bufferBytes(). */
    protected boolean rotates() {
        return false;
    }

    /** Why this communicator cannot all-reduce {@code point} here, rotation aside. */
    protected abstract Optional<String> pointProblem(AllReducePoint point);

    @Override
    public final Optional<String> skipReason(AllReducePoint point) {
        if (context.protocol().rotates() && !rotates()) {
            return Optional.of(FIXED_BUFFERS);
        }
        return pointProblem(point);
    }

    /** Called whenever the stream was synchronised, so asynchronous library errors surface. */
    protected void checkAsyncErrors() throws CudaException {
    }

    @Override
    public PointMeasurement measure(AllReducePoint point) throws IOException {
        PhaseTimes phases = context.phases();
        MeasuringProtocol protocol = context.protocol();
        CUgraphExec_st graph;
        try (PhaseTimes.Span inputs = phases.start(WorkerPhase.INPUTS)) {
            staging.upload(input(), point, device.stream());
            // On the rank's stream, so the copies are done before the first all-reduce reads them.
            for (int slot = 1; slot < protocol.slots(point); slot++) {
                calls.cuda(cudaMemcpyAsync(DevicePointers.plus(input(), protocol.offsetBytes(point, slot)), input(), point.bytes(),
                        cudaMemcpyDeviceToDevice, device.stream()), "cudaMemcpyAsync(input to offset " + slot + ")");
            }
        }
        try (PhaseTimes.Span graphs = phases.start(WorkerPhase.GRAPHS)) {
            for (int i = 0; i < EAGER_CALLS; i++) {
                enqueue(point, protocol.offsetBytes(point, i));
            }
            synchronize();
            graph = capture(point);
        }
        try {
            try (PhaseTimes.Span warmup = phases.start(WorkerPhase.WARMUP)) {
                for (int i = 0; i < protocol.warmups(); i++) {
                    calls.cuda(cudaGraphLaunch(graph, device.stream()), "cudaGraphLaunch");
                }
                synchronize();
            }
            try (PhaseTimes.Span waiting = phases.start(WorkerPhase.WAITING)) {
                context.rendezvous().barrier();
            }
            PointMeasurement timed;
            try (PhaseTimes.Span trials = phases.start(WorkerPhase.TIMED)) {
                timed = timeReplays(graph, point);
            }
            try (PhaseTimes.Span checks = phases.start(WorkerPhase.CHECKS)) {
                return timed.withCorrectness(check(point));
            }
        } finally {
            cudaGraphExecDestroy(graph);
        }
    }

    private CUgraphExec_st capture(AllReducePoint point) throws CudaException {
        CUgraph_st graph = new CUgraph_st();
        CUgraphExec_st executable = new CUgraphExec_st();
        calls.cuda(cudaStreamBeginCapture(device.stream(), cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
        for (int k = 0; k < context.protocol().cycles(); k++) {
            enqueue(point, context.protocol().offsetBytes(point, k));
        }
        calls.cuda(cudaStreamEndCapture(device.stream(), graph), "cudaStreamEndCapture");
        try {
            calls.cuda(cudaGraphInstantiate(executable, graph, 0L), "cudaGraphInstantiate");
        } finally {
            cudaGraphDestroy(graph);
        }
        return executable;
    }

    /** Per trial, microseconds per all-reduce, and the host figure vLLM reports. */
    private PointMeasurement timeReplays(CUgraphExec_st graph, AllReducePoint point) throws CudaException {
        int trials = context.protocol().trials();
        CUevent_st[] events = new CUevent_st[trials + 1];
        try {
            for (int i = 0; i <= trials; i++) {
                events[i] = new CUevent_st();
                calls.cuda(cudaEventCreate(events[i]), "cudaEventCreate");
            }
            long start = System.nanoTime();
            for (int i = 0; i < trials; i++) {
                calls.cuda(cudaEventRecord(events[i], device.stream()), "cudaEventRecord");
                calls.cuda(cudaGraphLaunch(graph, device.stream()), "cudaGraphLaunch");
            }
            calls.cuda(cudaEventRecord(events[trials], device.stream()), "cudaEventRecord");
            synchronize();
            double hostMicros = (System.nanoTime() - start) / 1e3 / trials / context.protocol().cycles();
            double[] latencies = new double[trials];
            float[] millis = new float[1];
            for (int i = 0; i < trials; i++) {
                calls.cuda(cudaEventElapsedTime(millis, events[i], events[i + 1]), "cudaEventElapsedTime");
                latencies[i] = millis[0] * 1e3 / context.protocol().cycles();
            }
            return new PointMeasurement(latencies, Correctness.exact(), hostMicros);
        } finally {
            for (CUevent_st event : events) {
                if (event != null) {
                    cudaEventDestroy(event);
                }
            }
        }
    }

    /**
     * One round at every offset the graph uses, each output poisoned first (a stale correct result
     * from the timed replays must not pass), then every offset compared with the exact sums.
     */
    private Correctness check(AllReducePoint point) throws IOException {
        MeasuringProtocol protocol = context.protocol();
        int slots = protocol.slots(point);
        for (int slot = 0; slot < slots; slot++) {
            calls.cuda(cudaMemsetAsync(DevicePointers.plus(output(), protocol.offsetBytes(point, slot)), 0xFF, point.bytes(),
                    device.stream()), "cudaMemsetAsync(output)");
        }
        for (int slot = 0; slot < slots; slot++) {
            enqueue(point, protocol.offsetBytes(point, slot));
        }
        synchronize();
        for (int slot = 0; slot < slots; slot++) {
            long offset = protocol.offsetBytes(point, slot);
            Correctness checked = staging.check(DevicePointers.plus(output(), offset), point);
            if (!checked.correct()) {
                return checked.atOffset(offset, slots);
            }
        }
        return Correctness.exact();
    }

    protected final void synchronize() throws CudaException {
        calls.cuda(cudaStreamSynchronize(device.stream()), "cudaStreamSynchronize");
        checkAsyncErrors();
    }

    @Override
    public void close() throws IOException {
        staging.close();
    }
}
