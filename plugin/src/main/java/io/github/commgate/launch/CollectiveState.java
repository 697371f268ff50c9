package io.github.commgate.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who has arrived at which barrier and contributed to which all-gather. Sequence numbers let a
 * fast rank reach the next collective before a slow one has read the release of the last.
 */
final class CollectiveState {

    private final int worldSize;
    private final Map<Long, Set<Integer>> barriers = new HashMap<>();
    private final Map<Long, byte[][]> gathers = new HashMap<>();

    CollectiveState(int worldSize) {
        this.worldSize = worldSize;
    }

    /** Records the arrival; true when it was the last rank to arrive. */
    synchronized boolean arriveAtBarrier(long sequence, int rank) {
        Set<Integer> arrived = barriers.computeIfAbsent(sequence, s -> new HashSet<>());
        arrived.add(rank);
        if (arrived.size() == worldSize) {
            barriers.remove(sequence);
            return true;
        }
        return false;
    }

    /** Records the blob; returns all blobs by rank when it was the last, otherwise null. */
    synchronized List<byte[]> contribute(long sequence, int rank, byte[] blob) {
        byte[][] blobs = gathers.computeIfAbsent(sequence, s -> new byte[worldSize][]);
        blobs[rank] = blob;
        if (Arrays.stream(blobs).allMatch(b -> b != null)) {
            gathers.remove(sequence);
            return new ArrayList<>(Arrays.asList(blobs));
        }
        return null;
    }
}
