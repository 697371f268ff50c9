package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaMemcpy;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Correctness;
import io.github.commgate.comm.ExactSumImages;
import java.nio.ByteBuffer;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Host memory between a rank's {@link ExactSumImages} and its GPU: the inputs go up straight
 * from the image where it covers the point, and the output comes back into a buffer of the
 * largest point, to be compared bit for bit with the exact sums. The buffer is allocated at its
 * first use, so a communicator that skips every point allocates none.
 */
final class HostStaging implements AutoCloseable {

    private final long maxBytes;
    private final ExactSumImages exactSums;
    private final CudaCalls calls;
    private BytePointer host;

    HostStaging(long maxBytes, ExactSumImages exactSums, CudaCalls calls) {
        this.maxBytes = Math.max(maxBytes, 16);
        this.exactSums = exactSums;
        this.calls = calls;
    }

    /**
     * Writes this rank's input of {@code point} into {@code device}, in order on {@code stream}:
     * the all-reduces queued after it read the new input.
     */
    void upload(Pointer device, AllReducePoint point, CUstream_st stream) throws CudaException {
        BytePointer source;
        if (exactSums.covers(point)) {
            source = new BytePointer(exactSums.inputs(point));
        } else {
            exactSums.writeInputs(view(point), 0, point);
            source = host;
        }
        calls.cuda(cudaMemcpyAsync(device, source.position(0), point.bytes(), cudaMemcpyHostToDevice, stream),
                "cudaMemcpyAsync(input, " + point.bytes() + " bytes)");
    }

    /** Reads {@code device} back and counts the elements that differ from the exact sum. */
    Correctness check(Pointer device, AllReducePoint point) throws CudaException {
        calls.cuda(cudaMemcpy(host().position(0), device, point.bytes(), cudaMemcpyDeviceToHost),
                "cudaMemcpy(output, " + point.bytes() + " bytes)");
        return exactSums.check(view(point), 0, point);
    }

    /** A direct view of the host memory: element-wise JNI calls would take seconds at 128 MiB. */
    private ByteBuffer view(AllReducePoint point) {
        return host().position(0).limit(point.bytes()).asByteBuffer();
    }

    private BytePointer host() {
        if (host == null) {
            host = new BytePointer(maxBytes);
        }
        return host;
    }

    @Override
    public void close() {
        if (host != null) {
            host.close();
        }
    }
}
