package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaEventCreate;
import static org.bytedeco.cuda.global.cudart.cudaEventDestroy;
import static org.bytedeco.cuda.global.cudart.cudaEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cudaEventRecord;
import static org.bytedeco.cuda.global.cudart.cudaGraphDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphExecDestroy;
import static org.bytedeco.cuda.global.cudart.cudaGraphInstantiate;
import static org.bytedeco.cuda.global.cudart.cudaGraphLaunch;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaStreamBeginCapture;
import static org.bytedeco.cuda.global.cudart.cudaStreamCaptureModeThreadLocal;
import static org.bytedeco.cuda.global.cudart.cudaStreamEndCapture;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
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
 */
abstract class GraphTimedAllReduce implements Communicator {

    /** vLLM runs three eager all-reduces before capturing; so do we, to settle lazy setup. */
    static final int EAGER_CALLS = 3;

    protected final CudaDevice device;
    protected final RankContext context;
    protected final CudaCalls calls;
    private final HostStaging staging;

    GraphTimedAllReduce(CudaDevice device, RankContext context) {
        this.device = device;
        this.context = context;
        this.calls = device.calls();
        this.staging = new HostStaging(context.maxBytes(), calls);
    }

    /** The buffer this rank's input is written to before each point. */
    protected abstract Pointer input();

    /** The buffer the all-reduce leaves its result in. */
    protected abstract Pointer output();

    /** Enqueues one all-reduce of {@code point} on the device's stream (also while capturing). */
    protected abstract void enqueue(AllReducePoint point) throws CudaException;

    /** Called whenever the stream was synchronised, so asynchronous library errors surface. */
    protected void checkAsyncErrors() throws CudaException {
    }

    @Override
    public PointMeasurement measure(AllReducePoint point) throws IOException {
        staging.upload(input(), point, context.rank());
        for (int i = 0; i < EAGER_CALLS; i++) {
            enqueue(point);
        }
        synchronize();
        CUgraphExec_st graph = capture(point);
        try {
            for (int i = 0; i < context.protocol().warmups(); i++) {
                calls.cuda(cudaGraphLaunch(graph, device.stream()), "cudaGraphLaunch");
            }
            synchronize();
            context.rendezvous().barrier();
            return timeReplays(graph, point).withCorrectness(check(point));
        } finally {
            cudaGraphExecDestroy(graph);
        }
    }

    private CUgraphExec_st capture(AllReducePoint point) throws CudaException {
        CUgraph_st graph = new CUgraph_st();
        CUgraphExec_st executable = new CUgraphExec_st();
        calls.cuda(cudaStreamBeginCapture(device.stream(), cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
        for (int i = 0; i < context.protocol().cycles(); i++) {
            enqueue(point);
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

    private Correctness check(AllReducePoint point) throws IOException {
        // Poison first: a stale correct result from the timed replays must not pass the check.
        calls.cuda(cudaMemsetAsync(output(), 0xFF, point.bytes(), device.stream()), "cudaMemsetAsync(output)");
        enqueue(point);
        synchronize();
        return staging.check(output(), point, context.worldSize());
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
