package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;

import io.github.commgate.comm.DType;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.javacpp.BytePointer;

/**
 * Our all-reduce kernels: the fatbin that nvcc built into the commgate-native jar, loaded once
 * per worker with cuModuleLoadData. Where the jar was built without nvcc there is no fatbin, and
 * the communicators that need it skip with {@link #NOT_BUILT}.
 */
final class KernelLibrary {

    static final String RESOURCE = "/io/github/commgate/native/allreduce.fatbin";
    static final String NOT_BUILT = "kernels not built (the commgate-native jar has no fatbin: nvcc was missing where it was built)";

    private static KernelLibrary loaded;

    private final CudaCalls calls;
    private final CUmod_st module = new CUmod_st();
    private final Map<String, CUfunc_st> functions = new HashMap<>();

    private KernelLibrary(CudaCalls calls, byte[] fatbin) throws CudaException {
        this.calls = calls;
        // The image must stay valid while the module loads; JavaCPP frees it when collected.
        BytePointer image = new BytePointer(fatbin);
        calls.driver(cuModuleLoadData(module, image), "cuModuleLoadData(" + fatbin.length + " bytes of " + RESOURCE + ")");
        image.close();
    }

    /** The kernels, or empty where this build has none. Needs the rank's device to be current. */
    static synchronized Optional<KernelLibrary> load(CudaCalls calls) throws IOException {
        if (loaded == null) {
            byte[] fatbin = fatbin();
            if (fatbin == null) {
                return Optional.empty();
            }
            loaded = new KernelLibrary(calls, fatbin);
        }
        return Optional.of(loaded);
    }

    static boolean built() {
        return KernelLibrary.class.getResource(RESOURCE) != null;
    }

    private static byte[] fatbin() throws IOException {
        try (InputStream in = KernelLibrary.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /**
     * Looks up the kernels of {@code algorithm} for every dtype before any launch: with lazy
     * module loading, loading a kernel at its first launch can wait on a kernel that spins in a
     * barrier for it, a deadlock the native self-test met.
     */
    void preload(String algorithm, int ranks) throws CudaException {
        for (DType dtype : DType.values()) {
            function(KernelLaunch.kernelName(algorithm, dtype, ranks));
        }
    }

    /** {@code commgate_<algorithm>_<dtype>_<ranks>}, as native/src/main/cuda instantiates them. */
    synchronized CUfunc_st function(String name) throws CudaException {
        CUfunc_st function = functions.get(name);
        if (function == null) {
            function = new CUfunc_st();
            calls.driver(cuModuleGetFunction(function, module, name), "cuModuleGetFunction(" + name + ")");
            functions.put(name, function);
        }
        return function;
    }
}
