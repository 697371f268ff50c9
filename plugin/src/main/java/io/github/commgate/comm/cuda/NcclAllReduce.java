package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.nccl.ncclAllReduce;
import static org.bytedeco.cuda.global.nccl.ncclBfloat16;
import static org.bytedeco.cuda.global.nccl.ncclFloat16;
import static org.bytedeco.cuda.global.nccl.ncclFloat32;
import static org.bytedeco.cuda.global.nccl.ncclSum;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;

/** {@code nccl}: out-of-place ncclAllReduce between ordinary cudaMalloc buffers, as vLLM's PyNccl calls it. */
final class NcclAllReduce extends GraphTimedAllReduce {

    private final CudaRank rank;
    private final NcclSession nccl;
    private final Pointer input = new Pointer();
    private final Pointer output = new Pointer();

    NcclAllReduce(CudaRank rank, RankContext context) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.nccl = rank.nccl();
        long bytes = context.bufferBytes();
        calls.cuda(cudaMalloc(input, bytes), "cudaMalloc(input, " + bytes + " bytes)");
        calls.cuda(cudaMalloc(output, bytes), "cudaMalloc(output, " + bytes + " bytes)");
        buffers(input, output);
    }

    static int ncclType(DType dtype) {
        return switch (dtype) {
            case BF16 -> ncclBfloat16;
            case FP16 -> ncclFloat16;
            case FP32 -> ncclFloat32;
        };
    }

    @Override
    public String name() {
        return "nccl";
    }

    @Override
    protected Optional<String> pointProblem(AllReducePoint point) {
        return point.bytes() > context.maxBytes()
                ? Optional.of(point.bytes() + " bytes is more than the " + context.maxBytes() + " allocated")
                : Optional.empty();
    }

    @Override
    protected boolean rotates() {
        return true;
    }

    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        enqueue(point, 0);
    }

    @Override
    protected void enqueue(AllReducePoint point, long offsetBytes) throws CudaException {
        calls.nccl(ncclAllReduce(DevicePointers.plus(input, offsetBytes), DevicePointers.plus(output, offsetBytes),
                        point.elementCount(), ncclType(point.dtype()), ncclSum, nccl.comm(), device.stream()),
                "ncclAllReduce(" + point.elementCount() + " x " + point.dtype() + ")", nccl.comm());
    }

    @Override
    protected void checkAsyncErrors() throws CudaException {
        nccl.checkAsyncErrors();
    }

    @Override
    public void close() throws IOException {
        super.close();
        cudaFree(input);
        cudaFree(output);
        rank.release();
    }
}
