package io.github.commgate.worker;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.cpu.SharedMemoryCommunicators;
import io.github.commgate.comm.cuda.CudaCommunicators;
import io.github.commgate.plan.BenchmarkPlan;
import java.io.IOException;
import java.util.Map;

/**
 * Opens a communicator of a backend by name; the only place that knows every backend's
 * factory. The CUDA classes are reached only through the CUDA branch, so a CPU worker never
 * loads JavaCPP.
 */
final class Backends {

    private Backends() {
    }

    static Communicator open(BenchmarkPlan plan, String name, RankContext context) throws IOException {
        return switch (plan.backend()) {
            case CPU -> SharedMemoryCommunicators.open(name, context);
            case CUDA -> CudaCommunicators.open(name, context, plan.customMaxBytes());
            case AUTO -> throw new IOException("the plan names no concrete backend");
        };
    }

    /** What this rank can tell about its hardware beyond what the Maven JVM sees. */
    static Map<String, String> describe(Backend backend, RankContext context) throws IOException {
        return backend == Backend.CUDA ? CudaCommunicators.describe(context) : SharedMemoryCommunicators.describe(context);
    }

    /** {@code before}, with what may change during a run measured again (cpu: the barrier time, the larger kept). */
    static Map<String, String> describeAgain(Backend backend, RankContext context, Map<String, String> before)
            throws IOException {
        return backend == Backend.CUDA ? before : SharedMemoryCommunicators.describeAgain(context, before);
    }
}
