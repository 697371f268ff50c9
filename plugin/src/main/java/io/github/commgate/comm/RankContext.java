package io.github.commgate.comm;

import java.nio.file.Path;

/**
 * What a communicator knows about the rank it runs in and the run it belongs to.
 *
 * @param scratchDirectory owner-only directory that the launcher creates for this run and
 *                         removes afterwards, whatever happens to the workers
 * @param maxBytes         the largest tensor of the plan, so buffers are sized once
 * @param protocol         how every point is measured
 * @param kernelMaxBytes   the largest all-reduce our own kernels take (customAllReduceMaxSize);
 *                         their larger points are skipped
 * @param exactSums        the rank's inputs and the exact sums, shared by its communicators
 * @param phases           where the rank's time goes, told to the host at the end
 * @param nodes            which node each rank runs on
 */
public record RankContext(int rank, int worldSize, int localRank, Path scratchDirectory, long maxBytes,
                          MeasuringProtocol protocol, long kernelMaxBytes, Rendezvous rendezvous,
                          ExactSumImages exactSums, PhaseTimes phases, NodeLayout nodes) {

    /** Bytes each of a communicator's send and receive buffers holds: the largest point, or the rotating buffer. */
    public long bufferBytes() {
        return protocol.bufferBytes(maxBytes);
    }
}
