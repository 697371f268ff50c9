package io.github.commgate.comm.cpu;

import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The CPU backend's communicators by name: vLLM's one-shot and two-shot custom all-reduce run
 * across worker JVMs over a shared-memory file, so the gate works on machines with no GPU.
 */
public final class SharedMemoryCommunicators {

    public static final List<String> NAMES = List.of(ShmOneShotAllReduce.NAME,
            ShmTwoShotAllReduce.NAME);

    private SharedMemoryCommunicators() {
    }

    /**
     * Opens communicator {@code name} on this rank. Every rank must call it, in the same order
     * as its peers: it creates (rank 0) and maps (all ranks) a shared file through the
     * rendezvous. With a world size the algorithms cannot serve it shares nothing, and reports
     * every point as skipped.
     *
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
     */
    public static Communicator open(String name, RankContext context) throws IOException {
        SharedMemoryAllReduce communicator = switch (name) {
            case ShmOneShotAllReduce.NAME -> new ShmOneShotAllReduce(context);
            case ShmTwoShotAllReduce.NAME -> new ShmTwoShotAllReduce(context);
            default -> throw new IllegalArgumentException("unknown shared-memory communicator '"
                    + name + "'; expected one of " + String.join(", ", NAMES));
        };
        try {
            communicator.open();
        } catch (IOException | RuntimeException e) {
            communicator.close();
            throw e;
        }
        return communicator;
    }

    /**
     * What the ranks can tell about their machine that the Maven JVM cannot: how long a barrier
     * between them takes (see {@link BarrierLatencyProbe}). A collective: every rank calls it.
     */
    public static Map<String, String> describe(RankContext context) throws IOException {
        return BarrierLatencyProbe.describe(context);
    }

    /**
     * {@code before} with the barrier time measured again and the larger of the two kept: the
     * host may move the ranks' CPUs during a run, and the gate must hear of it if it did.
     */
    public static Map<String, String> describeAgain(RankContext context, Map<String, String> before) throws IOException {
        return BarrierLatencyProbe.farther(before, BarrierLatencyProbe.describe(context));
    }
}
