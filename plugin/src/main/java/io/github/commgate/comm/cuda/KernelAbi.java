package io.github.commgate.comm.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The numbers the host needs to launch our kernels and size their memory, as the fatbin itself
 * states them: {@code struct AbiRecord commgate_abi} in native/src/main/cuda (allreduce_abi.cuh,
 * defined in allreduce.cu), read once after the module loads. The host keeps only the version it
 * was written for; every other number comes from the record, so the two sides cannot drift.
 * Pure Java: decoding and the grid arithmetic are tested without a GPU.
 *
 * @param threadsPerBlock  kThreads: every launch's block size
 * @param maxBlocks        kMaxBlocks: the grid never exceeds it
 * @param vectorBytes      kVectorBytes: sizes cross the ABI as counts of such vectors
 * @param maxRanks         kMaxRanks: pointers in a Peers argument
 * @param signalBytes      kSignalBytes: the signal area each rank allocates (before two-shot scratch)
 * @param pushStateBytes   kPushStateBytes: where a push area's receive buffers start
 * @param pushBuffers      kPushBuffers: receive buffers a push area holds per peer
 * @param pushSentinel     kPushSentinel: the 32-bit word push receive buffers start filled with
 */
record KernelAbi(int version, int threadsPerBlock, int maxBlocks, int vectorBytes, int maxRanks, int signalBytes,
                 int pushStateBytes, int pushBuffers, int pushSentinel) {

    /** The version of native/src/main/cuda/allreduce_abi.cuh (kAbiVersion) this host follows. */
    static final int EXPECTED_VERSION = 3;
    /** The device symbol holding the record. */
    static final String SYMBOL = "commgate_abi";
    /** Nine little-endian 32-bit words in version 3. */
    static final int RECORD_BYTES = 36;

    /**
     * The record from its bytes as copied off the device.
     *
     * @throws CudaException naming both versions, for a fatbin of another version than this host's
     */
    static KernelAbi decode(byte[] record) throws CudaException {
        if (record.length < 4) {
            throw new CudaException(String.format("allreduce.fatbin's %s is %d bytes, too short to hold even its version",
                    SYMBOL, record.length));
        }
        ByteBuffer words = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        int version = words.getInt(0);
        if (version != EXPECTED_VERSION) {
            throw versionMismatch(Integer.toString(version));
        }
        if (record.length < RECORD_BYTES) {
            throw new CudaException(String.format("allreduce.fatbin's %s is %d bytes, but version %d has %d",
                    SYMBOL, record.length, version, RECORD_BYTES));
        }
        return new KernelAbi(version, words.getInt(4), words.getInt(8), words.getInt(12), words.getInt(16),
                words.getInt(20), words.getInt(24), words.getInt(28), words.getInt(32));
    }

    /** For a fatbin with no record at all: built before the record existed (version 1). */
    static CudaException missingRecord() {
        return versionMismatch("1 (it has no " + SYMBOL + " record)");
    }

    private static CudaException versionMismatch(String found) {
        return new CudaException(String.format("allreduce.fatbin has kernel ABI version %s, but this plugin expects version %d: "
                + "the commgate-native jar on the worker's class path comes from another build than the plugin", found, EXPECTED_VERSION));
    }

    /** Bytes of a Peers argument: one pointer per rank. */
    int peersBytes() {
        return maxRanks * Long.BYTES;
    }

    /** {@code bytes} as a count of vectors (the caller has checked it is a whole number of them). */
    long vectors(long bytes) {
        return bytes / vectorBytes;
    }

    /** launch_blocks(): min(maxBlocks, ceil(vectors / threadsPerBlock)), at least 1; the same on every rank. */
    int blocks(long vectors) {
        return (int) Math.max(1, Math.min(maxBlocks, (vectors + threadsPerBlock - 1) / threadsPerBlock));
    }

    /** multimem_launch_blocks(): enough blocks for one rank's slice of ceil(vectors / ranks) vectors. */
    int multicastBlocks(long vectors, int ranks) {
        return blocks((vectors + ranks - 1) / ranks);
    }

    /** push_area_bytes(): the state, then pushBuffers receive buffers of one slot per peer. */
    long pushAreaBytes(long slotVectors, int ranks) {
        return Math.addExact(pushStateBytes, Math.multiplyExact((long) pushBuffers * (ranks - 1) * slotVectors, vectorBytes));
    }
}
