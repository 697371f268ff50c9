package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cuGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorName;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaSuccess;
import static org.bytedeco.cuda.global.nccl.ncclGetErrorString;
import static org.bytedeco.cuda.global.nccl.ncclGetLastError;
import static org.bytedeco.cuda.global.nccl.ncclSuccess;

import org.bytedeco.cuda.nccl.ncclComm;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Turns CUDA and NCCL status codes into exceptions that name the call and the rank, so a
 * failure on one of eight GPUs says which and why instead of a bare number.
 */
final class CudaCalls {

    private final int rank;

    CudaCalls(int rank) {
        this.rank = rank;
    }

    int rank() {
        return rank;
    }

    void cuda(int status, String call) throws CudaException {
        if (status != cudaSuccess) {
            throw new CudaException(String.format("%s failed on rank %d: %s (%s)",
                    call, rank, text(cudaGetErrorString(status)), text(cudaGetErrorName(status))));
        }
    }

    /** Driver API (cu*) status: CUDA_SUCCESS is 0, as cudaSuccess is. */
    void driver(int status, String call) throws CudaException {
        if (status != 0) {
            BytePointer text = new BytePointer((Pointer) null);
            cuGetErrorString(status, text);
            throw new CudaException(String.format("%s failed on rank %d: %s (CUresult %d)", call, rank, text(text), status));
        }
    }

    void nccl(int status, String call, ncclComm comm) throws CudaException {
        if (status != ncclSuccess) {
            String last = comm == null || comm.isNull() ? "" : text(ncclGetLastError(comm));
            throw new CudaException(String.format("%s failed on rank %d: %s%s",
                    call, rank, text(ncclGetErrorString(status)), last.isBlank() ? "" : " (" + last.trim() + ")"));
        }
    }

    private static String text(BytePointer pointer) {
        return pointer == null || pointer.isNull() ? "unknown" : pointer.getString();
    }
}
