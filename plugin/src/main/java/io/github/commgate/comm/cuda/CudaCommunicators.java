package io.github.commgate.comm.cuda;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.BackendRegistry;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.CommunicatorDeclaration;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.WorkerPhase;
import io.github.commgate.machine.GpuState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cuda backend's registry. This package is the only one that touches JavaCPP, and only the
 * opening of a communicator does: the declarations below are plain data and lambdas, so the
 * Maven JVM reads them without loading native CUDA code (a test keeps it so).
 */
public final class CudaCommunicators implements BackendRegistry {

    public static final CudaCommunicators REGISTRY = new CudaCommunicators();

    private static final List<CommunicatorDeclaration> DECLARED = List.of(
            library("nccl", (rank, context) -> new NcclAllReduce(rank, context)),
            library("nccl-symm", (rank, context) -> new NcclSymmetricAllReduce(rank, context)),
            ours("custom-oneshot", true, (rank, context) -> new CustomAllReduce(rank, context,
                    CustomAllReduce.Algorithm.ONESHOT, context.kernelMaxBytes())),
            ours("custom-twoshot", true, (rank, context) -> new CustomAllReduce(rank, context,
                    CustomAllReduce.Algorithm.TWOSHOT, context.kernelMaxBytes())),
            ours("symm-twoshot", true, (rank, context) -> new SymmetricTwoShotAllReduce(rank, context, context.kernelMaxBytes())),
            ours("custom-push", true, (rank, context) -> new CustomPushAllReduce(rank, context, context.kernelMaxBytes())),
            // Multicast can take a shared host's GPUs out of service: it runs only when named.
            ours("symm-multimem", false, (rank, context) -> new MulticastAllReduce(rank, context, context.kernelMaxBytes())));

    private interface Constructor {
        Communicator create(CudaRank rank, RankContext context) throws IOException;
    }

    private CudaCommunicators() {
    }

    @Override
    public Backend backend() {
        return Backend.CUDA;
    }

    @Override
    public List<CommunicatorDeclaration> communicators() {
        return DECLARED;
    }

    /** The CUDA and NCCL presets, then NVML, initialised for the GPU state the ranks report. */
    @Override
    public void loadLibraries() {
        CudaLibraries.load();
        GpuStateReader.initialiseAhead();
    }

    /** GPU model, driver, CUDA runtime and NCCL versions of this rank, and its GPU's state (a collective). */
    @Override
    public Map<String, String> describe(RankContext context) throws IOException {
        CudaRank rank = acquire(context);
        try {
            Map<String, String> facts = new LinkedHashMap<>(rank.describe());
            facts.putAll(GpuStateReader.read(rank.device(), context));
            return facts;
        } finally {
            rank.release();
        }
    }

    /** {@code before} with the GPU's state read again after the last point, and merged (see GpuState). */
    @Override
    public Map<String, String> describeAgain(RankContext context, Map<String, String> before) throws IOException {
        CudaRank rank = acquire(context);
        try {
            return GpuState.merge(before, GpuStateReader.read(rank.device(), context));
        } finally {
            rank.release();
        }
    }

    /** A library communicator: any size, on by default, across nodes (NCCL picks the network itself). */
    private static CommunicatorDeclaration library(String name, Constructor constructor) {
        return new CommunicatorDeclaration(name, Backend.CUDA, true, 1, false, context -> open(constructor, context));
    }

    /** One of our kernels, which move 16-byte vectors between peers' memory mapped over CUDA IPC: one node only. */
    private static CommunicatorDeclaration ours(String name, boolean onByDefault, Constructor constructor) {
        return new CommunicatorDeclaration(name, Backend.CUDA, onByDefault, CommunicatorDeclaration.VECTOR_BYTES, true,
                context -> open(constructor, context));
    }

    private static Communicator open(Constructor constructor, RankContext context) throws IOException {
        CudaRank rank = acquire(context);
        try {
            return constructor.create(rank, context);
        } catch (IOException | RuntimeException e) {
            rank.release();
            throw e;
        }
    }

    /** The first touch of CUDA: a library that does not load becomes one clear line. */
    private static CudaRank acquire(RankContext context) throws IOException {
        try {
            try (PhaseTimes.Span loading = context.phases().start(WorkerPhase.LIBRARIES)) {
                CudaLibraries.load();
            }
            return CudaRank.acquire(context);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new CudaException("cannot load CUDA through JavaCPP (it needs libcudart.so.13, libcuda.so.1 and libnccl.so.2): "
                    + cause.getMessage());
        }
    }
}
