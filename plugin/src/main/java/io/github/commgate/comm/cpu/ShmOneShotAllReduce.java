package io.github.commgate.comm.cpu;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;

/**
 * One-shot all-reduce over shared memory, vLLM's {@code cross_device_reduce_1stage} on CPUs:
 * every rank reads every rank's whole input and sums it in rank order into its private output.
 * One memory pass and two barriers per call, so it wins for small tensors; its traffic grows
 * with the square of the rank count, so two-shot wins for large ones.
 */
public final class ShmOneShotAllReduce extends SharedMemoryAllReduce {

    public static final String NAME = "shm-oneshot";

    ShmOneShotAllReduce(RankContext context) {
        super(context);
    }

    /**
     * Bytes read plus written by all ranks together in one all-reduce of {@code bytes}: each of
     * the n ranks reads n inputs and writes one output, {@code n * (n + 1) * bytes}.
     */
    public static long memoryTrafficBytes(long bytes, int worldSize) {
        return (long) worldSize * (worldSize + 1) * bytes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    long scratchBytes(long capacityBytes, int worldSize) {
        return 0;
    }

    @Override
    void allReduce(AllReducePoint point, int offsetBytes) throws IOException {
        int elements = (int) point.elementCount();
        int first = offsetBytes / point.dtype().bytes();
        // Start: every rank's input for this call is written (release/acquire in the barrier).
        barrier.arriveAndWait();
        sum.sum(point.dtype(), inputs, first, first + elements, output, first);
        // End: no peer still reads this rank's input once the call returns, so the caller may
        // overwrite it; vLLM ends the kernel with the same barrier for the same reason.
        barrier.arriveAndWait();
    }
}
