package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.nccl.NCCL_WIN_COLL_SYMMETRIC;
import static org.bytedeco.cuda.global.nccl.ncclAllReduce;
import static org.bytedeco.cuda.global.nccl.ncclCommWindowDeregister;
import static org.bytedeco.cuda.global.nccl.ncclCommWindowRegister;
import static org.bytedeco.cuda.global.nccl.ncclMemAlloc;
import static org.bytedeco.cuda.global.nccl.ncclMemFree;
import static org.bytedeco.cuda.global.nccl.ncclSum;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.cuda.nccl.ncclWindow_vidmem;
import org.bytedeco.javacpp.Pointer;

/**
 * {@code nccl-symm}: as vLLM's pynccl-symm, the input is copied into a buffer from ncclMemAlloc
 * that every rank registered as a symmetric window, then NCCL all-reduces it out of place into a
 * second such buffer, which lets NCCL 2.27+ pick its symmetric-memory kernels.
 */
final class NcclSymmetricAllReduce extends GraphTimedAllReduce {

    private final CudaRank rank;
    private final Optional<String> unavailable;
    private final Pointer input = new Pointer();
    private final Pointer symmetricInput = new Pointer();
    private final Pointer symmetricOutput = new Pointer();
    private final ncclWindow_vidmem inputWindow = new ncclWindow_vidmem();
    private final ncclWindow_vidmem outputWindow = new ncclWindow_vidmem();
    private NcclSession nccl;

    NcclSymmetricAllReduce(CudaRank rank, RankContext context) throws IOException {
        super(rank.device(), context);
        this.rank = rank;
        this.unavailable = unavailableReason(context.worldSize(), NcclSession.version(calls));
        if (unavailable.isEmpty()) {
            nccl = rank.nccl();
            long bytes = context.bufferBytes();
            calls.cuda(cudaMalloc(input, bytes), "cudaMalloc(input, " + bytes + " bytes)");
            calls.nccl(ncclMemAlloc(symmetricInput, bytes), "ncclMemAlloc(" + bytes + " bytes)", nccl.comm());
            calls.nccl(ncclMemAlloc(symmetricOutput, bytes), "ncclMemAlloc(" + bytes + " bytes)", nccl.comm());
            // note: window registration is collective; every rank registers the same sizes in the same order.
            calls.nccl(ncclCommWindowRegister(nccl.comm(), symmetricInput, bytes, inputWindow, NCCL_WIN_COLL_SYMMETRIC),
                    "ncclCommWindowRegister(input)", nccl.comm());
            calls.nccl(ncclCommWindowRegister(nccl.comm(), symmetricOutput, bytes, outputWindow, NCCL_WIN_COLL_SYMMETRIC),
                    "ncclCommWindowRegister(output)", nccl.comm());
            buffers(input, symmetricOutput);
        }
    }

    /** Why symmetric windows cannot be used at all in this run, the same on every rank. */
    static Optional<String> unavailableReason(int worldSize, int ncclVersion) {
        if (ncclVersion < NcclSession.SYMMETRIC_WINDOWS_SINCE) {
            return Optional.of("NCCL " + NcclSession.versionText(ncclVersion) + " has no symmetric windows (needs 2.27 or newer)");
        }
        if (worldSize < 2) {
            return Optional.of("symmetric windows need 2 or more ranks; this run has " + worldSize);
        }
        return Optional.empty();
    }

    @Override
    public String name() {
        return "nccl-symm";
    }

    @Override
    protected Optional<String> pointProblem(AllReducePoint point) {
        return unavailable;
    }

    @Override
    protected boolean rotates() {
        return true;
    }

    @Override
    protected void enqueue(AllReducePoint point) throws CudaException {
        enqueue(point, 0);
    }

    /** note: every rank shifts by the same offset, so both buffers sit at one offset of each rank's window. */
    @Override
    protected void enqueue(AllReducePoint point, long offsetBytes) throws CudaException {
        Pointer in = DevicePointers.plus(symmetricInput, offsetBytes);
        calls.cuda(cudaMemcpyAsync(in, DevicePointers.plus(input, offsetBytes), point.bytes(), cudaMemcpyDeviceToDevice,
                device.stream()), "cudaMemcpyAsync(copy-in)");
        calls.nccl(ncclAllReduce(in, DevicePointers.plus(symmetricOutput, offsetBytes), point.elementCount(),
                        NcclAllReduce.ncclType(point.dtype()), ncclSum, nccl.comm(), device.stream()),
                "ncclAllReduce(symmetric, " + point.elementCount() + " x " + point.dtype() + ")", nccl.comm());
    }

    @Override
    protected void checkAsyncErrors() throws CudaException {
        nccl.checkAsyncErrors();
    }

    @Override
    public void close() throws IOException {
        super.close();
        if (unavailable.isEmpty()) {
            ncclCommWindowDeregister(nccl.comm(), inputWindow);
            ncclCommWindowDeregister(nccl.comm(), outputWindow);
            ncclMemFree(symmetricInput);
            ncclMemFree(symmetricOutput);
            cudaFree(input);
        }
        rank.release();
    }
}
