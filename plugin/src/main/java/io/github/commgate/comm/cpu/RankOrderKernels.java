package io.github.commgate.comm.cpu;

/**
 * The arithmetic of {@link RankOrderSum} on one chunk that is already in heap arrays: the sum
 * over ranks 0..n-1, in that order, with fp32 accumulation, rounded once to the dtype. Two
 * implementations give bit-identical results: {@link VectorRankOrderKernels} through the
 * incubating Vector API, and {@link ScalarRankOrderKernels} where the JVM lacks it.
 *
 * <p>Instances may hold scratch state: one per {@link RankOrderSum}, never shared by threads.
 */
interface RankOrderKernels {

    /**
     * Sums bf16 elements held two to an int (as an int view of the tensor reads them), so
     * {@code pairs} ints of every rank make {@code 2 * pairs} elements: writes to
     * {@code sums[0, pairs)} the rounded sums of {@code pairsByRank[0..ranks-1][0, pairs)}.
     * Each int's two halves are summed apart and rejoined the same way, so which half is the
     * even element (the native byte order) does not matter.
     */
    void sumBFloat16Pairs(int[][] pairsByRank, int ranks, int pairs, int[] sums);

    /** Writes to {@code sums[0, count)} the sums of {@code valuesByRank[0..ranks-1][0, count)}. */
    void sumFloat32(float[][] valuesByRank, int ranks, int count, float[] sums);

    /** True when this JVM runs the Vector API kernels; decided once, when this class is loaded. */
    static boolean vectorized() {
        return Selection.VECTOR_API;
    }

    /**
     * True when {@link BufferVectorKernels} can load straight from the shared segments: the
     * Vector API is used and its incubator still has the ByteBuffer methods (JDK 16 to 19).
     */
    static boolean loadsFromBuffers() {
        return Selection.BUFFER_LOADS;
    }

    /** New kernels, vectorised where {@link #vectorized()}. */
    static RankOrderKernels create() {
        return Selection.VECTOR_API ? new VectorRankOrderKernels() : new ScalarRankOrderKernels();
    }

    /**
     * Why a holder: the choice must be made before anything touches a class that references
     * {@code jdk.incubator.vector}. The module is resolved only when the JVM has it and was
     * started with it ({@code --add-modules}); where it is absent, {@link VectorRankOrderKernels}
     * is never loaded, so its references to missing classes are never resolved.
     */
    final class Selection {

        static final boolean VECTOR_API = vectorApiUsable();
        static final boolean BUFFER_LOADS = VECTOR_API && BufferVectorKernels.linked();

        private Selection() {
        }

        private static boolean vectorApiUsable() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return false;
            }
            try {
                return VectorRankOrderKernels.worthUsing();
            } catch (LinkageError e) {
                // The module resolved but its classes do not link here (a stripped or mismatched
                // runtime): the scalar kernels are correct everywhere, only slower.
                return false;
            }
        }
    }
}
