package io.github.commgate.comm.cuda;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The arguments of one kernel launch, in the kernel's parameter order, for cuLaunchKernel's
 * {@code kernelParams}: per argument, a pointer to host memory holding its value. cuLaunchKernel
 * copies the values at launch (and at capture, so a graph keeps them), so the memory is freed
 * right after. Where each argument lies in the parameter buffer ({@link #layout()}) follows the
 * C rules, so the launcher can compare it with what the kernel declares (cuFuncGetParamInfo).
 */
final class KernelArguments implements AutoCloseable {

    /** Where one argument lies in the kernel's parameter buffer. */
    record Slot(long offset, long size) {
        @Override
        public String toString() {
            return size + " B @" + offset;
        }
    }

    /** alignas(16) of struct Peers in native/src/main/cuda/allreduce_abi.cuh. */
    private static final int PEERS_ALIGNMENT = 16;

    private final List<Pointer> values = new ArrayList<>();
    private final List<Pointer> owned = new ArrayList<>();
    private final List<Slot> layout = new ArrayList<>();
    private long end;

    /** A Peers struct passed by value: the 64 bytes of host memory that {@link PeerBuffers#peers()} holds. */
    KernelArguments peers(BytePointer peers) {
        return add(peers, peers.capacity(), PEERS_ALIGNMENT, false);
    }

    /** A device pointer ({@code void*}) passed by value. */
    KernelArguments pointer(Pointer device) {
        return pointer(device.address());
    }

    KernelArguments pointer(long address) {
        return add(new LongPointer(1).put(address), Long.BYTES, Long.BYTES, true);
    }

    /** An {@code int}. */
    KernelArguments int32(int value) {
        return add(new IntPointer(1).put(value), Integer.BYTES, Integer.BYTES, true);
    }

    /** A {@code long long}. */
    KernelArguments int64(long value) {
        return add(new LongPointer(1).put(value), Long.BYTES, Long.BYTES, true);
    }

    private KernelArguments add(Pointer value, long size, long alignment, boolean own) {
        long offset = (end + alignment - 1) / alignment * alignment;
        layout.add(new Slot(offset, size));
        end = offset + size;
        values.add(value);
        if (own) {
            owned.add(value);
        }
        return this;
    }

    /** Offsets and sizes, argument by argument. */
    List<Slot> layout() {
        return List.copyOf(layout);
    }

    /** The {@code void**} cuLaunchKernel takes; freed with these arguments. */
    PointerPointer<Pointer> array() {
        PointerPointer<Pointer> array = new PointerPointer<>(values.toArray(new Pointer[0]));
        owned.add(array);
        return array;
    }

    @Override
    public void close() {
        owned.forEach(Pointer::close);
        owned.clear();
    }
}
