package io.github.commgate.comm.cuda;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nccl;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the JavaCPP presets a cuda worker uses (the CUDA runtime and driver API, NCCL) once per
 * process. A worker starts this on a thread of its own as soon as it knows its backend, so the
 * libraries load while it joins the coordinator; the first communicator to open then waits only
 * for what is left. NVML loads on its own when the GPU's state is first read.
 */
final class CudaLibraries {

    private static boolean loaded;
    private static Throwable failure;

    private CudaLibraries() {
    }

    /**
     * Returns once the libraries are loaded; a caller that comes while another thread loads
     * them waits, and every caller sees the first failure (an UnsatisfiedLinkError naming the
     * library that is missing), not the NoClassDefFoundError a second use of a class whose
     * initialiser failed would give.
     */
    static synchronized void load() {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException exception) {
            throw exception;
        }
        if (loaded) {
            return;
        }
        try {
            Loader.load(cudart.class);
            Loader.load(nccl.class);
            loaded = true;
        } catch (Error | RuntimeException e) {
            failure = e;
            throw e;
        }
    }
}
