package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.DType;
import io.github.commgate.numeric.BFloat16;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels against the scalar ones: every world size the algorithms serve, lengths
 * that end in a partial vector (the scalar tail), random bits and the values where rounding and
 * NaN handling can go wrong. Results must agree bit for bit, or ranks of one run would disagree.
 *
 * <p>One exception, which no Java code can avoid: where two NaNs meet in one addition, x86
 * returns the first operand's payload, and C2 may swap the operands of a float add (the scalar
 * loops disagree with the element-by-element reference there too). There the result must be a
 * NaN, of any payload.
 */
class RankOrderKernelsTest {

    /** 0 and 1 are all tail; 16 is one AVX-512 vector; the others leave tails of every length. */
    private static final int[] PAIR_COUNTS = {0, 1, 3, 7, 15, 16, 17, 31, 64, 1023, 1024, 1031};

    /**
     * bf16 bits where the arithmetic has cases: zeros, subnormals (smallest, largest), the
     * largest finite value (sums overflow to infinity), infinities, quiet and signalling NaNs
     * with payloads and either sign, and 1, 1 + 2^-7 and 2^-8, whose sums are exact ties that
     * round to the even neighbour (1 + 2^-8 down to 1, 1 + 3 * 2^-8 up to 1 + 2^-6).
     */
    private static final short[] EDGE_VALUES = {0x0000, (short) 0x8000, 0x0001, (short) 0x8001,
            0x007F, (short) 0x807F, 0x0080, 0x7F7F, (short) 0xFF7F, 0x7F80, (short) 0xFF80,
            0x7FC0, (short) 0xFFC0, 0x7F81, (short) 0xFFBF, 0x7FC5, 0x3F80, 0x3F81, 0x3B80,
            (short) 0xBB80, 0x4000, (short) 0xBF80};

    static IntStream worldSizes() {
        return IntStream.rangeClosed(SharedMemoryAllReduce.MIN_RANKS, SharedMemoryAllReduce.MAX_RANKS);
    }

    @Test
    void theVectorKernelsAreChosenWhereTheJvmHasTheModule() {
        // Surefire starts this JVM with every system module, as the workers are started.
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(present, RankOrderKernels.vectorized());
    }

    /** A JVM without the module (its default for class-path code) must not load a class of it. */
    @Test
    void withoutTheModuleTheScalarKernelsRunAndNoVectorClassLoads() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process probe = new ProcessBuilder(java, "-Xlog:class+load", "-cp",
                System.getProperty("java.class.path"), FallbackProbe.class.getName())
                .redirectErrorStream(true).start();
        String log = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.waitFor(), log);
        assertTrue(log.contains("vectorized=false sum=4000"), log);
        assertFalse(log.contains("jdk.incubator.vector"), log);
        assertFalse(log.contains(VectorRankOrderKernels.class.getName()), log);
    }

    /** Sums 1 + 1 in bf16 through {@link RankOrderSum}, as a worker would. */
    static final class FallbackProbe {
        public static void main(String[] args) {
            TypedSegment[] inputs = new TypedSegment[2];
            for (int rank = 0; rank < inputs.length; rank++) {
                inputs[rank] = TypedSegment.of(ByteBuffer.allocateDirect(16));
                inputs[rank].shorts().put(0, (short) 0x3F80);
            }
            TypedSegment output = TypedSegment.of(ByteBuffer.allocateDirect(16));
            new RankOrderSum().sum(DType.BF16, inputs, 0, 8, output, 0);
            System.out.println("vectorized=" + RankOrderKernels.vectorized()
                    + " sum=" + Integer.toHexString(output.shorts().get(0)));
        }
    }

    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("worldSizes")
    void bFloat16SumsAreBitIdenticalOnRandomBits(int ranks) {
        SplittableRandom random = new SplittableRandom(ranks);
        assertBFloat16KernelsAgree(ranks, random::nextInt);
    }

    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("worldSizes")
    void bFloat16SumsAreBitIdenticalOnEdgeCases(int ranks) {
        SplittableRandom random = new SplittableRandom(100 + ranks);
        IntSupplier edge = () -> EDGE_VALUES[random.nextInt(EDGE_VALUES.length)] & 0xFFFF;
        assertBFloat16KernelsAgree(ranks, () -> edge.getAsInt() << 16 | edge.getAsInt());
    }

    /**
     * The same after C2 has compiled the kernels: intrinsified, the Vector API runs different
     * code from the lane-by-lane Java it runs before, and C2 reorders what Java does not fix.
     */
    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("worldSizes")
    void bFloat16SumsStayBitIdenticalOnceCompiled(int ranks) {
        SplittableRandom random = new SplittableRandom(300 + ranks);
        IntSupplier edge = () -> EDGE_VALUES[random.nextInt(EDGE_VALUES.length)] & 0xFFFF;
        int[][] warmup = new int[ranks][1024];
        int[] sums = new int[1024];
        RankOrderKernels scalar = new ScalarRankOrderKernels();
        RankOrderKernels vector = new VectorRankOrderKernels();
        for (int i = 0; i < 3000; i++) {
            scalar.sumBFloat16Pairs(warmup, ranks, 1024, sums);
            vector.sumBFloat16Pairs(warmup, ranks, 1024, sums);
        }
        assertBFloat16KernelsAgree(ranks, () -> edge.getAsInt() << 16 | edge.getAsInt());
        assertBFloat16KernelsAgree(ranks, random::nextInt);
    }

    @ParameterizedTest(name = "{0} ranks")
    @MethodSource("worldSizes")
    void float32SumsAreBitIdentical(int ranks) {
        SplittableRandom random = new SplittableRandom(200 + ranks);
        int[] edges = {0x7F800000, 0xFF800000, 0x7FC00000, 0x7F800001, 0x00000001, 0x80000000,
                0x7F7FFFFF, 0x3F800000, 0x33800000};
        for (int count : PAIR_COUNTS) {
            float[][] values = new float[ranks][count];
            for (float[] rankValues : values) {
                for (int i = 0; i < count; i++) {
                    int bits = random.nextBoolean() ? random.nextInt() : edges[random.nextInt(edges.length)];
                    rankValues[i] = Float.intBitsToFloat(bits);
                }
            }
            float[] scalar = new float[count];
            float[] vector = new float[count];
            new ScalarRankOrderKernels().sumFloat32(values, ranks, count, scalar);
            new VectorRankOrderKernels().sumFloat32(values, ranks, count, vector);
            for (int i = 0; i < count; i++) {
                int[] inputs = new int[ranks];
                for (int rank = 0; rank < ranks; rank++) {
                    inputs[rank] = Float.floatToRawIntBits(values[rank][i]);
                }
                assertSameSum(inputs, Float.floatToRawIntBits(scalar[i]),
                        Float.floatToRawIntBits(vector[i]), "element " + i + " of " + count);
            }
        }
    }

    @Test
    void tiesRoundToEvenAndOverflowGivesInfinityInBothKernels() {
        // Per int: low half 1 + 2^-8 (tie, down to 1.0), high half MAX + MAX (infinity).
        int[][] pairs = {{0x7F7F_3F80}, {0x7F7F_3B80}};
        // High half 1 + 2^-7 + 2^-8 (tie, up to 1 + 2^-6); low half inf + -inf (NaN).
        int[][] more = {{0x3F81_7F80}, {0x3B80_FF80}};
        for (RankOrderKernels kernels : new RankOrderKernels[] {new ScalarRankOrderKernels(),
                new VectorRankOrderKernels()}) {
            int[] sums = new int[1];
            kernels.sumBFloat16Pairs(pairs, 2, 1, sums);
            assertEquals(0x7F80_3F80, sums[0]);
            kernels.sumBFloat16Pairs(more, 2, 1, sums);
            assertEquals(0x3F82, sums[0] >>> 16);
            assertTrue(BFloat16.isNaN((short) sums[0]), Integer.toHexString(sums[0]));
        }
    }

    /** Fills every rank's pairs from {@code bits} and compares both kernels with a reference. */
    private static void assertBFloat16KernelsAgree(int ranks, IntSupplier bits) {
        for (int pairs : PAIR_COUNTS) {
            int[][] pairsByRank = new int[ranks][pairs];
            for (int[] rankPairs : pairsByRank) {
                for (int i = 0; i < pairs; i++) {
                    rankPairs[i] = bits.getAsInt();
                }
            }
            int[] scalar = new int[pairs];
            int[] vector = new int[pairs];
            new ScalarRankOrderKernels().sumBFloat16Pairs(pairsByRank, ranks, pairs, scalar);
            new VectorRankOrderKernels().sumBFloat16Pairs(pairsByRank, ranks, pairs, vector);
            int[] reference = reference(pairsByRank, ranks, pairs);
            for (int i = 0; i < pairs; i++) {
                for (int shift = 0; shift < 32; shift += 16) {
                    int[] inputs = new int[ranks];
                    for (int rank = 0; rank < ranks; rank++) {
                        inputs[rank] = (pairsByRank[rank][i] >>> shift) << 16;
                    }
                    String where = "element " + (2 * i + shift / 16) + " of " + 2 * pairs;
                    int expected = reference[i] >>> shift << 16;
                    assertSameSum(inputs, expected, scalar[i] >>> shift << 16, "scalar, " + where);
                    assertSameSum(inputs, expected, vector[i] >>> shift << 16, "vector, " + where);
                }
            }
        }
    }

    /** Equal bits, unless two NaNs meet in one addition of the chain: then both are NaN. */
    private static void assertSameSum(int[] inputs, int expected, int actual, String where) {
        if (twoNaNsMeet(inputs)) {
            assertTrue(Float.isNaN(Float.intBitsToFloat(expected)), where);
            assertTrue(Float.isNaN(Float.intBitsToFloat(actual)), where);
        } else {
            assertEquals(Integer.toHexString(expected), Integer.toHexString(actual), where);
        }
    }

    /**
     * Replays the rank-order chain on the float {@code inputs} (bits). Which NaN a NaN sum
     * carries may vary, but whether a sum is NaN does not, so this finds every addition of two
     * NaNs: NaN inputs, and NaNs made on the way (inf - inf, also after an overflow).
     */
    private static boolean twoNaNsMeet(int[] inputs) {
        float sum = Float.intBitsToFloat(inputs[0]);
        for (int rank = 1; rank < inputs.length; rank++) {
            float value = Float.intBitsToFloat(inputs[rank]);
            if (Float.isNaN(sum) && Float.isNaN(value)) {
                return true;
            }
            sum += value;
        }
        return false;
    }

    /** Element by element through {@link BFloat16}, the definition both kernels must meet. */
    private static int[] reference(int[][] pairsByRank, int ranks, int pairs) {
        int[] sums = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            int result = 0;
            for (int half = 0; half < 2; half++) {
                float sum = 0;
                for (int rank = 0; rank < ranks; rank++) {
                    float value = BFloat16.toFloat((short) (pairsByRank[rank][i] >>> (16 * half)));
                    sum = rank == 0 ? value : sum + value;
                }
                result |= (BFloat16.fromFloat(sum) & 0xFFFF) << (16 * half);
            }
            sums[i] = result;
        }
        return sums;
    }
}
