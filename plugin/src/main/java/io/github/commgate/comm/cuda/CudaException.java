package io.github.commgate.comm.cuda;

import java.io.IOException;

/** A CUDA or NCCL call that did not succeed, named with its arguments, the rank and the library's words. */
public final class CudaException extends IOException {

    public CudaException(String message) {
        super(message);
    }
}
