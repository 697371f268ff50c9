package io.github.commgate.comm.cuda;

/**
 * The host's view of the kernels' per-rank signal area (native/src/main/cuda: struct Signal):
 * its size, which must match {@code kSignalBytes} there, where a static_assert pins it.
 */
final class SignalArea {

    /** sizeof(Signal): per block start and end flags for 8 ranks and a counter, 128-byte aligned. */
    static final long BYTES = 2560;

    private SignalArea() {
    }
}
