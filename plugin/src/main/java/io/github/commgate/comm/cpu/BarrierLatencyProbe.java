package io.github.commgate.comm.cpu;

import io.github.commgate.comm.RankContext;
import io.github.commgate.machine.MachineFacts;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long one barrier of this run's ranks takes over shared memory: the time a cache line
 * needs to travel between the ranks' cores, which both algorithms pay twice per all-reduce and
 * shm-twoshot pays again for every line of its scratch.
 *
 * <p>It is measured because it is not fixed on virtual machines. On a 2-vCPU EPYC runner the
 * host moved the two vCPUs between nearby and distant cores every few seconds to minutes: a
 * cache-line round trip between them took 55-80 ns, then 310-350 ns, and shm-twoshot ran 3-4x
 * slower for as long as it lasted while shm-oneshot, whose inputs stay put, did not change. The
 * gate reads this figure to tell such a move from a regression.
 */
final class BarrierLatencyProbe {

    /** The environment fact, in nanoseconds per barrier; the gate judges with it (RankDistance). */
    private static final String FACT = MachineFacts.SHM_BARRIER_NS;

    private BarrierLatencyProbe() {
    }

    /**
     * Every rank must call it, in the same order as its peers: it shares a small file through
     * the rendezvous and meets the peers at some thousands of barriers. Every rank returns about
     * the same figure, since every rank times the same barriers.
     */
    static Map<String, String> describe(RankContext context) throws IOException {
        int worldSize = context.worldSize();
        // Ranks on several nodes share no memory, and shm communicators skip there anyway.
        if (worldSize < SharedMemoryAllReduce.MIN_RANKS || worldSize > SharedMemoryAllReduce.MAX_RANKS
                || context.nodes().nodeCount() > 1) {
            return Map.of();
        }
        try (SharedMemoryFile file = SharedMemoryFile.open("barrier-probe", context, SharedMemoryFile.PAGE_BYTES)) {
            CounterBarrier barrier = new CounterBarrier(file.map(0, SharedMemoryFile.PAGE_BYTES), context.rank(), worldSize);
            // Everyone has mapped the file before anyone may close it and rank 0 delete it.
            context.rendezvous().barrier();
            boolean oversubscribed = worldSize > Runtime.getRuntime().availableProcessors();
            return Map.of(FACT, Long.toString(Math.round(medianNanos(barrier, oversubscribed))));
        }
    }

    /** {@code before} with {@code after}'s barrier time where that is the larger. */
    static Map<String, String> farther(Map<String, String> before, Map<String, String> after) {
        if (!after.containsKey(FACT) || before.containsKey(FACT)
                && Long.parseLong(before.get(FACT)) >= Long.parseLong(after.get(FACT))) {
            return before;
        }
        Map<String, String> merged = new LinkedHashMap<>(before);
        merged.put(FACT, after.get(FACT));
        return merged;
    }

    /**
     * The median over batches of the mean barrier time, so a batch in which the OS ran something
     * else on one of the cores does not move the figure. Ranks that outnumber the cores yield in
     * every barrier (microseconds each), so they do fewer; the counts depend only on facts every
     * rank shares, as they must, since every rank has to arrive at every barrier.
     */
    static double medianNanos(CounterBarrier barrier, boolean oversubscribed) throws IOException {
        int warmUps = oversubscribed ? 500 : 40_000;
        int batches = oversubscribed ? 5 : 31;
        int perBatch = oversubscribed ? 100 : 1_000;
        for (int i = 0; i < warmUps; i++) {
            barrier.arriveAndWait();
        }
        double[] means = new double[batches];
        for (int batch = 0; batch < batches; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                barrier.arriveAndWait();
            }
            means[batch] = (System.nanoTime() - start) / (double) perBatch;
        }
        Arrays.sort(means);
        return means[batches / 2];
    }
}
