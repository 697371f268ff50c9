package io.github.commgate.stats;

import java.util.Arrays;

/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test: does one sample tend to be larger than another?
 * It compares ranks, not means, so a few slow outliers (a descheduled rank, a page fault) cannot
 * make a point significant on their own, and it assumes no distribution for latencies.
 *
 * <p>U counts the pairs (x, y) with x &gt; y, a tie counting one half. Under the null hypothesis
 * that both samples come from one distribution, every assignment of the pooled values to the two
 * groups is equally likely. Without ties and with both samples of at most {@link #EXACT_LIMIT}
 * values, p is exact, counted over those assignments (Mann and Whitney 1947); otherwise it uses
 * the normal approximation with tie correction and a continuity correction of 1/2:
 * <pre>
 *   mean U = n1 n2 / 2
 *   var  U = n1 n2 / 12 * ((n + 1) - sum over tie groups (t^3 - t) / (n (n - 1))),  n = n1 + n2
 *   z = (U - mean - 1/2) / sqrt(var),  p = 1 - Phi(z)
 * </pre>
 * (Lehmann, Nonparametrics: Statistical Methods Based on Ranks, 1975, ch. 1 sec. 4; the same
 * formulas as R's wilcox.test and SciPy's mannwhitneyu, which also switch to the exact test below 50.)
 * Methods return NaN, not an exception, when a sample is empty.
 */
public final class MannWhitneyU {

    /** Largest sample size for the exact distribution: the count costs n1^2 n2^2 / 4 additions. */
    public static final int EXACT_LIMIT = 50;

    private MannWhitneyU() {
    }

    /** One-sided p for "x tends to be larger than y" (for latencies: x is slower). */
    public static double pGreater(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        double u = u(x, y);
        if (!hasTies(x, y) && x.length <= EXACT_LIMIT && y.length <= EXACT_LIMIT) {
            return exactUpperTail(x.length, y.length, (int) Math.round(u));
        }
        return normalUpperTail(x, y, u);
    }

    /** One-sided p for "x tends to be smaller than y" (for latencies: x is faster). */
    public static double pLess(double[] x, double[] y) {
        return pGreater(y, x);
    }

    /** Two-sided p: twice the smaller tail, as the null distribution of U is symmetric. */
    public static double pTwoSided(double[] x, double[] y) {
        return Math.min(1.0, 2 * Math.min(pGreater(x, y), pLess(x, y)));
    }

    /** The smallest one-sided p any outcome can reach: 1 / C(n1 + n2, n1), at complete separation. */
    public static double smallestP(int n1, int n2) {
        double p = 1;
        for (int i = 1; i <= n1; i++) {
            p = p * i / (n2 + i);
        }
        return p;
    }

    /** Pairs (x, y) with x &gt; y, plus one half per tie; sorting makes it O(n log n). */
    static double u(double[] x, double[] y) {
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double u = 0;
        for (double value : x) {
            int below = lowerBound(sorted, value);
            int atOrBelow = upperBound(sorted, value);
            u += below + 0.5 * (atOrBelow - below);
        }
        return u;
    }

    /**
     * P(U &ge; u) by counting arrangements: with f(i, j, k) the number of orderings of i x's and
     * j y's with U = k, the largest value is either an x (above all j y's) or a y, so
     * f(i, j, k) = f(i-1, j, k-j) + f(i, j-1, k). Only additions, so doubles stay exact to their
     * precision even where the counts pass 2^63.
     */
    static double exactUpperTail(int n1, int n2, int u) {
        int maxU = n1 * n2;
        double[][] previous = new double[n2 + 1][maxU + 1];
        double[][] current = new double[n2 + 1][maxU + 1];
        for (int j = 0; j <= n2; j++) {
            previous[j][0] = 1;
        }
        for (int i = 1; i <= n1; i++) {
            current[0][0] = 1;
            for (int j = 1; j <= n2; j++) {
                for (int k = 0; k <= i * j; k++) {
                    current[j][k] = (k >= j ? previous[j][k - j] : 0) + current[j - 1][k];
                }
            }
            double[][] swap = previous;
            previous = current;
            current = swap;
        }
        double total = 0;
        double tail = 0;
        for (int k = 0; k <= maxU; k++) {
            total += previous[n2][k];
            tail += k >= u ? previous[n2][k] : 0;
        }
        return tail / total;
    }

    private static double normalUpperTail(double[] x, double[] y, double u) {
        double n1 = x.length;
        double n2 = y.length;
        double n = n1 + n2;
        double variance = n1 * n2 / 12 * ((n + 1) - tieSum(x, y) / (n * (n - 1)));
        if (variance <= 0) {
            return 1.0;
        }
        double z = (u - n1 * n2 / 2 - 0.5) / Math.sqrt(variance);
        return StandardNormal.upperTail(z);
    }

    /** Sum over groups of equal values of t^3 - t, t being the group's size. */
    private static double tieSum(double[] x, double[] y) {
        double[] pooled = pooledSorted(x, y);
        double sum = 0;
        int start = 0;
        for (int i = 1; i <= pooled.length; i++) {
            if (i == pooled.length || pooled[i] != pooled[start]) {
                double t = i - start;
                sum += t * t * t - t;
                start = i;
            }
        }
        return sum;
    }

    private static boolean hasTies(double[] x, double[] y) {
        double[] pooled = pooledSorted(x, y);
        for (int i = 1; i < pooled.length; i++) {
            if (pooled[i] == pooled[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static double[] pooledSorted(double[] x, double[] y) {
        double[] pooled = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        Arrays.sort(pooled);
        return pooled;
    }

    /** Index of the first value not below the key. */
    private static int lowerBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Index of the first value above the key. */
    private static int upperBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
