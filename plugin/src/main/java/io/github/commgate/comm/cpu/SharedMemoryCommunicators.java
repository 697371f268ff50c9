package io.github.commgate.comm.cpu;

import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;

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
}
