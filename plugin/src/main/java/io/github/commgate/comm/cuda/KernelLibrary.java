package io.github.commgate.comm.cuda;

import static org.bytedeco.cuda.global.cudart.CUDA_ERROR_INVALID_VALUE;
import static org.bytedeco.cuda.global.cudart.CUDA_ERROR_NOT_FOUND;
import static org.bytedeco.cuda.global.cudart.cuFuncGetParamInfo;
import static org.bytedeco.cuda.global.cudart.cuFuncLoad;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuMemcpyDtoH;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleGetGlobal;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * Our all-reduce kernels: the fatbin that nvcc built into the commgate-native jar, loaded once
 * per worker with cuModuleLoadData, its {@link KernelAbi} read right after. Where the jar was
 * built without nvcc there is no fatbin, and the communicators that need it skip with
 * {@link #NOT_BUILT}.
 */
final class KernelLibrary {

    static final String RESOURCE = "/io/github/commgate/native/allreduce.fatbin";
    static final String NOT_BUILT = "kernels not built (the commgate-native jar has no fatbin: nvcc was missing where it was built)";

    private static KernelLibrary loaded;

    private final CudaCalls calls;
    private final CUmod_st module = new CUmod_st();
    private final KernelAbi abi;
    private final Map<String, CUfunc_st> functions = new HashMap<>();
    private final Set<String> parametersChecked = new HashSet<>();

    private KernelLibrary(CudaCalls calls, byte[] fatbin) throws CudaException {
        this.calls = calls;
        // The image must stay valid while the module loads; JavaCPP frees it when collected.
        BytePointer image = new BytePointer(fatbin);
        calls.driver(cuModuleLoadData(module, image), "cuModuleLoadData(" + fatbin.length + " bytes of " + RESOURCE + ")");
        image.close();
        this.abi = readAbi();
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

    /** The record the fatbin carries (commgate_abi), refused unless its version is this host's. */
    private KernelAbi readAbi() throws CudaException {
        try (LongPointer address = new LongPointer(1); SizeTPointer size = new SizeTPointer(1)) {
            int status = cuModuleGetGlobal(address, size, module, KernelAbi.SYMBOL);
            if (status == CUDA_ERROR_NOT_FOUND) {
                throw KernelAbi.missingRecord();
            }
            calls.driver(status, "cuModuleGetGlobal(" + KernelAbi.SYMBOL + ")");
            byte[] record = new byte[(int) Math.min(size.get(), 4096)];
            try (BytePointer host = new BytePointer(record.length)) {
                calls.driver(cuMemcpyDtoH(host, address.get(), record.length), "cuMemcpyDtoH(" + KernelAbi.SYMBOL + ")");
                host.get(record);
            }
            return KernelAbi.decode(record);
        }
    }

    KernelAbi abi() {
        return abi;
    }

    /**
     * Looks up and loads the kernels of {@code family} for every dtype before any launch: with lazy
     * module loading, loading a kernel at its first launch can wait on a kernel that spins in a
     * barrier for it, a deadlock the native self-test met. cuFuncLoad loads a kernel whatever the
     * loading mode (CUDA driver API, "Lazy Loading"), so the workers no longer need
     * CUDA_MODULE_LOADING=EAGER, which loaded every kernel of every library (NCCL's among them)
     * when the context was created.
     */
    void preload(KernelFamily family, int ranks) throws CudaException {
        for (String name : family.kernels(ranks)) {
            function(name);
        }
    }

    private synchronized CUfunc_st function(String name) throws CudaException {
        CUfunc_st function = functions.get(name);
        if (function == null) {
            function = new CUfunc_st();
            calls.driver(cuModuleGetFunction(function, module, name), "cuModuleGetFunction(" + name + ")");
            calls.driver(cuFuncLoad(function), "cuFuncLoad(" + name + ")");
            functions.put(name, function);
        }
        return function;
    }

    /** Launches kernel {@code name} with {@code blocks} blocks of the ABI's block size on {@code stream}. */
    void launch(String name, int blocks, CUstream_st stream, KernelArguments arguments) throws CudaException {
        CUfunc_st function = function(name);
        checkParameters(function, name, arguments.layout());
        calls.driver(cuLaunchKernel(function, blocks, 1, 1, abi.threadsPerBlock(), 1, 1, 0, stream, arguments.array(), null),
                "cuLaunchKernel(" + name + ", " + blocks + " blocks)");
    }

    /**
     * Once per kernel: the arguments must lie where the kernel's parameters do, or the kernel
     * would read garbage (a wrong pointer, a rank out of range); a mismatch is one clear line.
     */
    private synchronized void checkParameters(CUfunc_st function, String name, List<KernelArguments.Slot> passed)
            throws CudaException {
        if (parametersChecked.contains(name)) {
            return;
        }
        List<KernelArguments.Slot> declared = new ArrayList<>();
        try (SizeTPointer offset = new SizeTPointer(1); SizeTPointer size = new SizeTPointer(1)) {
            for (int index = 0; ; index++) {
                int status = cuFuncGetParamInfo(function, index, offset, size);
                if (status == CUDA_ERROR_INVALID_VALUE) {
                    break;
                }
                calls.driver(status, "cuFuncGetParamInfo(" + name + ", " + index + ")");
                declared.add(new KernelArguments.Slot(offset.get(), size.get()));
            }
        }
        if (!declared.equals(passed)) {
            throw new CudaException(String.format("%s takes parameters %s, but the host passes %s (rank %d)",
                    name, declared, passed, calls.rank()));
        }
        parametersChecked.add(name);
    }
}
