package io.github.commgate.comm.cpu;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.BackendRegistry;
import io.github.commgate.comm.CommunicatorDeclaration;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The CPU backend's registry: vLLM's one-shot and two-shot custom all-reduce run across worker
 * JVMs over a shared-memory file, so the gate works on machines with no GPU. A communicator is
 * added here with one line, and in the class that implements it.
 */
public final class SharedMemoryCommunicators implements BackendRegistry {

    public static final SharedMemoryCommunicators REGISTRY = new SharedMemoryCommunicators();

    private static final List<CommunicatorDeclaration> DECLARED = List.of(
            declare(ShmOneShotAllReduce.NAME, ShmOneShotAllReduce::new),
            declare(ShmTwoShotAllReduce.NAME, ShmTwoShotAllReduce::new));

    private interface Constructor {
        SharedMemoryAllReduce create(RankContext context);
    }

    private SharedMemoryCommunicators() {
    }

    @Override
    public Backend backend() {
        return Backend.CPU;
    }

    @Override
    public List<CommunicatorDeclaration> communicators() {
        return DECLARED;
    }

    /**
     * What the ranks can tell about their machine that the Maven JVM cannot: how long a barrier
     * between them takes (see {@link BarrierLatencyProbe}).
     */
    @Override
    public Map<String, String> describe(RankContext context) throws IOException {
        return BarrierLatencyProbe.describe(context);
    }

    /**
     * {@code before} with the barrier time measured again and the larger of the two kept: the
     * host may move the ranks' CPUs during a run, and the gate must hear of it if it did.
     */
    @Override
    public Map<String, String> describeAgain(RankContext context, Map<String, String> before) throws IOException {
        return BarrierLatencyProbe.farther(before, BarrierLatencyProbe.describe(context));
    }

    private static CommunicatorDeclaration declare(String name, Constructor constructor) {
        return new CommunicatorDeclaration(name, Backend.CPU, true, CommunicatorDeclaration.VECTOR_BYTES, true,
                context -> open(constructor.create(context)));
    }

    /**
     * Every rank must open in the same order as its peers: rank 0 creates and every rank maps a
     * shared file through the rendezvous. With a world size the algorithms cannot serve it
     * shares nothing, and reports every point as skipped.
     */
    private static SharedMemoryAllReduce open(SharedMemoryAllReduce communicator) throws IOException {
        try {
            communicator.open();
        } catch (IOException | RuntimeException e) {
            communicator.close();
            throw e;
        }
        return communicator;
    }
}
