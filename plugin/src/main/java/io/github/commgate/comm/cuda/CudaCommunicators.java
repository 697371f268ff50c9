package io.github.commgate.comm.cuda;

import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.RankContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Opens the GPU communicators by name. This package is the only one that touches JavaCPP, and
 * only worker JVMs of the cuda backend load it, so CPU runs never load native CUDA code.
 */
public final class CudaCommunicators {

    public static final List<String> NAMES = List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot", "symm-multimem");

    private CudaCommunicators() {
    }

    public static Communicator open(String name, RankContext context, long customMaxBytes) throws IOException {
        CudaRank rank = acquire(context);
        try {
            return switch (name) {
                case "nccl" -> new NcclAllReduce(rank, context);
                case "nccl-symm" -> new NcclSymmetricAllReduce(rank, context);
                case "custom-oneshot" -> new CustomAllReduce(rank, context, CustomAllReduce.Algorithm.ONESHOT, customMaxBytes);
                case "custom-twoshot" -> new CustomAllReduce(rank, context, CustomAllReduce.Algorithm.TWOSHOT, customMaxBytes);
                case "symm-twoshot" -> new SymmetricTwoShotAllReduce(rank, context, customMaxBytes);
                case "symm-multimem" -> new MulticastAllReduce(rank, context, customMaxBytes);
                case "custom-push" -> new CustomPushAllReduce(rank, context, customMaxBytes);
                default -> throw new IllegalArgumentException("no GPU communicator named " + name);
            };
        } catch (IOException | RuntimeException e) {
            rank.release();
            throw e;
        }
    }

    /** GPU model, driver, CUDA runtime and NCCL versions of this rank. */
    public static Map<String, String> describe(RankContext context) throws IOException {
        CudaRank rank = acquire(context);
        try {
            return rank.describe();
        } finally {
            rank.release();
        }
    }

    /** The first touch of CUDA: a library that does not load becomes one clear line. */
    private static CudaRank acquire(RankContext context) throws IOException {
        try {
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
