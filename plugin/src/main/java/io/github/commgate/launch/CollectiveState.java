package io.github.commgate.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Who has arrived at which barrier and contributed to which all-gather. Sequence numbers let a
 * fast rank reach the next collective before a slow one has read the release of the last. What
 * is still open tells, at a timeout, which rank the others were waiting for.
 */
final class CollectiveState {

    /**
     * A collective that some ranks reached and others had not.
     *
     * @param name    {@code barrier 3} or {@code all-gather 0}, as the workers number them
     * @param arrived the ranks waiting there
     * @param missing the ranks that had not reached it
     * @param waitedNanos how long the first rank to arrive had waited
     */
    record Stall(String name, List<Integer> arrived, List<Integer> missing, long waitedNanos) {
    }

    private final int worldSize;
    private final Map<Long, Arrivals> barriers = new HashMap<>();
    private final Map<Long, Arrivals> gathers = new HashMap<>();

    /** The ranks at one collective, their blobs (all-gather only), and when the first came. */
    private static final class Arrivals {
        final TreeSet<Integer> ranks = new TreeSet<>();
        final byte[][] blobs;
        final long firstNanos = System.nanoTime();

        Arrivals(int worldSize) {
            blobs = new byte[worldSize][];
        }
    }

    CollectiveState(int worldSize) {
        this.worldSize = worldSize;
    }

    /** Records the arrival; true when it was the last rank to arrive. */
    synchronized boolean arriveAtBarrier(long sequence, int rank) {
        Arrivals arrived = barriers.computeIfAbsent(sequence, s -> new Arrivals(worldSize));
        arrived.ranks.add(rank);
        if (arrived.ranks.size() == worldSize) {
            barriers.remove(sequence);
            return true;
        }
        return false;
    }

    /** Records the blob; returns all blobs by rank when it was the last, otherwise null. */
    synchronized List<byte[]> contribute(long sequence, int rank, byte[] blob) {
        Arrivals arrived = gathers.computeIfAbsent(sequence, s -> new Arrivals(worldSize));
        arrived.ranks.add(rank);
        arrived.blobs[rank] = blob;
        if (arrived.ranks.size() == worldSize) {
            gathers.remove(sequence);
            return new ArrayList<>(Arrays.asList(arrived.blobs));
        }
        return null;
    }

    /** Every open collective, the longest-waiting first. */
    synchronized List<Stall> stalls() {
        List<Stall> stalls = new ArrayList<>();
        long now = System.nanoTime();
        barriers.forEach((sequence, arrivals) -> stalls.add(stall("barrier " + sequence, arrivals, now)));
        gathers.forEach((sequence, arrivals) -> stalls.add(stall("all-gather " + sequence, arrivals, now)));
        stalls.sort((a, b) -> Long.compare(b.waitedNanos(), a.waitedNanos()));
        return stalls;
    }

    private Stall stall(String name, Arrivals arrivals, long now) {
        List<Integer> missing = IntStream.range(0, worldSize).filter(r -> !arrivals.ranks.contains(r)).boxed().toList();
        return new Stall(name, List.copyOf(arrivals.ranks), missing, now - arrivals.firstNanos);
    }
}
