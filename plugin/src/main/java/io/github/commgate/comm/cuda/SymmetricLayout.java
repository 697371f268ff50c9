package io.github.commgate.comm.cuda;

/**
 * Where things lie in each rank's symmetric allocation for {@code symm-multimem}: the data from
 * byte 0 (so the multicast address of byte 0 is the kernel's buffer), then the kernels' signal
 * area, the whole rounded up to the granularity that both cuMemCreate and the multicast object
 * accept. Every rank computes the same layout from the same numbers, so offsets match across
 * ranks. Pure arithmetic, tested without a GPU.
 *
 * @param dataBytes       bytes of all-reduce data the buffer holds (at least one vector)
 * @param signalOffset    where the Signal area starts: after the data, 256-byte aligned, as the
 *                        kernels' kScratchAlign (the Signal needs 128)
 * @param allocationBytes bytes each rank allocates, binds to the multicast object and maps
 * @param granularity     the size step of allocationBytes, also the alignment of every mapping
 */
record SymmetricLayout(long dataBytes, long signalOffset, long allocationBytes, long granularity) {

    static final long SIGNAL_ALIGN = 256;

    /** The layout for buffers of {@code maxBytes}, in allocations of a multiple of {@code granularity}. */
    static SymmetricLayout of(long maxBytes, long granularity, KernelAbi abi) {
        long data = Math.max(maxBytes, abi.vectorBytes());
        long signal = roundUp(data, SIGNAL_ALIGN);
        return new SymmetricLayout(data, signal, roundUp(signal + abi.signalBytes(), granularity), granularity);
    }

    /**
     * A size step that suits both the physical allocation ({@code cuMemGetAllocationGranularity})
     * and the multicast object ({@code cuMulticastGetGranularity}): their least common multiple
     * (both are powers of two in practice, so it is the larger).
     */
    static long commonGranularity(long allocation, long multicast) {
        if (allocation <= 0 || multicast <= 0) {
            throw new IllegalArgumentException("granularities must be positive: " + allocation + ", " + multicast);
        }
        long a = allocation;
        long b = multicast;
        while (b != 0) {
            long rest = a % b;
            a = b;
            b = rest;
        }
        return Math.multiplyExact(allocation / a, multicast);
    }

    private static long roundUp(long value, long step) {
        return Math.multiplyExact((value + step - 1) / step, step);
    }
}
