package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.ExactSumCheck;
import io.github.commgate.comm.ExactSumPattern;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Host memory for a rank's exactly-summable input and for reading its output back, so the
 * check after timing compares every element bit for bit with the exact sum.
 */
final class HostStaging implements AutoCloseable {

    private final BytePointer host;
    private final CudaCalls calls;

    HostStaging(long maxBytes, CudaCalls calls) {
        this.host = new BytePointer(Math.max(maxBytes, 16));
        this.calls = calls;
    }

    /** Writes this rank's input of {@code point} into {@code device}. */
    void upload(Pointer device, AllReducePoint point, int rank) throws CudaException {
        DType dtype = point.dtype();
        ByteBuffer view = view(point);
        for (int i = 0; i < point.elementCount(); i++) {
            put(view, i, dtype, ExactSumPattern.inputBits(rank, i, dtype));
        }
        calls.cuda(cudaMemcpy(device, host, point.bytes(), cudaMemcpyHostToDevice), "cudaMemcpy(input, " + point.bytes() + " bytes)");
    }

    /** Reads {@code device} back and counts the elements that differ from the exact sum. */
    Correctness check(Pointer device, AllReducePoint point, int worldSize) throws CudaException {
        calls.cuda(cudaMemcpy(host, device, point.bytes(), cudaMemcpyDeviceToHost), "cudaMemcpy(output, " + point.bytes() + " bytes)");
        DType dtype = point.dtype();
        ByteBuffer view = view(point);
        ExactSumCheck check = new ExactSumCheck(worldSize, dtype);
        for (int i = 0; i < point.elementCount(); i++) {
            check.compare(i, get(view, i, dtype));
        }
        return check.result();
    }

    /** A direct view of the host memory: element-wise JNI calls would take seconds at 128 MiB. */
    private ByteBuffer view(AllReducePoint point) {
        return host.position(0).limit(point.bytes()).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void put(ByteBuffer view, int index, DType dtype, int bits) {
        if (dtype.bytes() == 2) {
            view.putShort(index * 2, (short) bits);
        } else {
            view.putInt(index * 4, bits);
        }
    }

    private static int get(ByteBuffer view, int index, DType dtype) {
        return dtype.bytes() == 2 ? view.getShort(index * 2) & 0xFFFF : view.getInt(index * 4);
    }

    @Override
    public void close() {
        host.close();
    }
}
