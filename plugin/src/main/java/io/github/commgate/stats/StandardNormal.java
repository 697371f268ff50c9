package io.github.commgate.stats;

/** The tail of the standard normal distribution, for the large-sample Mann-Whitney test. */
final class StandardNormal {

    private StandardNormal() {
    }

    /** P(Z &gt; z) = erfc(z / sqrt 2) / 2. */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /**
     * The complementary error function by Chebyshev fitting, relative error below 1.2e-7
     * everywhere (Press et al., Numerical Recipes in C, 2nd ed., sec. 6.2, erfcc). Relative, not
     * absolute, error matters here: p-values of 1e-12 must not come out as 0 or negative.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double polynomial = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double result = t * Math.exp(polynomial);
        return x >= 0 ? result : 2.0 - result;
    }
}
