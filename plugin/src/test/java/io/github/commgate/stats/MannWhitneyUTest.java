package io.github.commgate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MannWhitneyUTest {

    /** The permutation p-value by brute force: every way to split the pooled values into the two groups. */
    private static double enumeratedPGreater(double[] x, double[] y) {
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        double observed = bruteU(x, y);
        int splits = 0;
        int atLeast = 0;
        for (int mask = 0; mask < 1 << pooled.length; mask++) {
            if (Integer.bitCount(mask) != x.length) {
                continue;
            }
            int m = mask;
            double[] a = IntStream.range(0, pooled.length).filter(i -> (m >> i & 1) == 1).mapToDouble(i -> pooled[i]).toArray();
            double[] b = IntStream.range(0, pooled.length).filter(i -> (m >> i & 1) == 0).mapToDouble(i -> pooled[i]).toArray();
            splits++;
            atLeast += bruteU(a, b) >= observed - 1e-9 ? 1 : 0;
        }
        return (double) atLeast / splits;
    }

    private static double bruteU(double[] x, double[] y) {
        double u = 0;
        for (double a : x) {
            for (double b : y) {
                u += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return u;
    }

    @Test
    void exactPValuesEqualBruteForceEnumerationForTinySamplesWithoutTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n1 = 1 + random.nextInt(6);
            int n2 = 1 + random.nextInt(6);
            double[] x = random.doubles(n1).map(v -> v + 0.3).toArray();
            double[] y = random.doubles(n2).toArray();
            assertEquals(enumeratedPGreater(x, y), MannWhitneyU.pGreater(x, y), 1e-12, "n1=" + n1 + " n2=" + n2);
        }
    }

    @Test
    void completeSeparationGivesTheTextbookSmallestPValues() {
        assertEquals(1.0 / 70, MannWhitneyU.pGreater(new double[] {5, 6, 7, 8}, new double[] {1, 2, 3, 4}), 1e-15);
        assertEquals(1.0 / 35, MannWhitneyU.pGreater(new double[] {5, 6, 7}, new double[] {1, 2, 3, 4}), 1e-15);
        assertEquals(0.05, MannWhitneyU.smallestP(3, 3), 1e-15);
        assertEquals(1.0 / 70, MannWhitneyU.smallestP(4, 4), 1e-15);
        assertEquals(1.0, MannWhitneyU.pGreater(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}), 1e-15);
    }

    @Test
    void exactPValuesMatchSciPyUpToFiftyPerSide() {
        double[] x = {1.2, 3.4, 2.2, 5.1, 4.4, 3.3, 6.0, 2.9};
        double[] y = {0.9, 1.1, 2.0, 2.5, 1.7, 3.0, 0.4};
        // scipy.stats.mannwhitneyu(x, y, alternative='greater', method='exact'): U = 49
        assertEquals(49.0, MannWhitneyU.u(x, y));
        assertEquals(0.006993006993006993, MannWhitneyU.pGreater(x, y), 1e-12);
        double[] base = IntStream.range(0, 50).mapToDouble(i -> i * 0.5).toArray();
        double[] shifted = IntStream.range(0, 50).mapToDouble(i -> i * 0.5 + 2.1).toArray();
        assertEquals(0.06985290412717556, MannWhitneyU.pGreater(shifted, base), 1e-10);
        assertEquals(0.9310715051143477, MannWhitneyU.pLess(shifted, base), 1e-10);
    }

    @Test
    void tiesUseTheNormalApproximationWithTieCorrectionAsSciPyDoes() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6};
        double[] y = {0, 1, 1, 2, 2, 2, 3, 3, 4, 4};
        // scipy.stats.mannwhitneyu(x, y, alternative=..., method='asymptotic', use_continuity=True): U = 71
        assertEquals(71.0, MannWhitneyU.u(x, y));
        assertEquals(0.05716637635975449, MannWhitneyU.pGreater(x, y), 1e-6);
        assertEquals(0.11433275271950898, MannWhitneyU.pTwoSided(x, y), 2e-6);
    }

    @Test
    void samplesOverFiftyUseTheNormalApproximation() {
        double[] base = IntStream.range(0, 60).mapToDouble(i -> i * 0.5).toArray();
        double[] shifted = IntStream.range(0, 55).mapToDouble(i -> i * 0.5 + 3.2).toArray();
        // scipy: method='asymptotic' gives 0.11059590758251214 (exact would be 0.11105607)
        assertEquals(0.11059590758251214, MannWhitneyU.pGreater(shifted, base), 1e-6);
    }

    @Test
    void theNormalApproximationIsCloseToTheExactPermutationPValueWithTies() {
        double[] x = {3, 4, 4, 5, 6, 6, 7, 8};
        double[] y = {1, 2, 3, 3, 4, 5, 5, 6};
        assertEquals(enumeratedPGreater(x, y), MannWhitneyU.pGreater(x, y), 0.01);
    }

    @Test
    void allValuesEqualIsNoEvidenceAtAll() {
        assertEquals(1.0, MannWhitneyU.pGreater(new double[] {5, 5, 5}, new double[] {5, 5, 5, 5}));
    }

    @Test
    void anEmptySampleGivesNaNRatherThanAnException() {
        assertTrue(Double.isNaN(MannWhitneyU.pGreater(new double[0], new double[] {1})));
        assertTrue(Double.isNaN(MannWhitneyU.pLess(new double[] {1}, new double[0])));
    }

    @Test
    void underTheNullHypothesisAboutAlphaOfTestsAreSignificant() {
        Random random = new Random(11);
        int significant = 0;
        int tests = 2000;
        for (int t = 0; t < tests; t++) {
            double[] x = random.doubles(12).map(v -> 100 + Math.exp(random.nextGaussian())).toArray();
            double[] y = random.doubles(12).map(v -> 100 + Math.exp(random.nextGaussian())).toArray();
            significant += MannWhitneyU.pGreater(x, y) < 0.05 ? 1 : 0;
        }
        double rate = (double) significant / tests;
        assertTrue(rate > 0.035 && rate < 0.065, "false positive rate " + rate);
    }

    @Test
    void aShiftOfTwoStandardDeviationsIsFoundWithFiftyTrials() {
        Random random = new Random(3);
        double[] baseline = IntStream.range(0, 50).mapToDouble(i -> 100 + random.nextGaussian()).toArray();
        double[] slower = IntStream.range(0, 50).mapToDouble(i -> 102 + random.nextGaussian()).toArray();
        assertTrue(MannWhitneyU.pGreater(slower, baseline) < 1e-10);
        assertTrue(MannWhitneyU.pLess(slower, baseline) > 0.99);
    }

    @Test
    void theNormalTailMatchesKnownQuantilesToTheApproximationsRelativeError() {
        assertClose(0.025, StandardNormal.upperTail(1.959963984540054));
        assertClose(0.0013498980316301, StandardNormal.upperTail(3));
        assertClose(0.5, StandardNormal.upperTail(0));
        assertClose(0.99, StandardNormal.upperTail(-2.3263478740408408));
        assertClose(7.61985302416e-24, StandardNormal.upperTail(10));
    }

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, expected * 1.2e-7);
    }
}
