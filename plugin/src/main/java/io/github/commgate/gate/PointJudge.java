package io.github.commgate.gate;

import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.stats.MannWhitneyU;
import java.util.Arrays;
import java.util.Optional;

/**
 * Judges one measured point against its baseline entry. Kept apart from {@link Gate}, which
 * decides about the run as a whole, so each rule here reads on its own.
 */
final class PointJudge {

    private final Limits limits;
    private final double alpha;

    PointJudge(Limits limits, double alpha) {
        this.limits = limits;
        this.alpha = alpha;
    }

    /** The verdict that needs no baseline, if the point's own status settles it. */
    static PointVerdict withoutTiming(PointResult point, Verdict verdict, String detail) {
        return new PointVerdict(point.communicator(), point.sequenceLength(), point.bytes(), verdict,
                measuredMedian(point), Double.NaN, null, Double.NaN, Double.NaN, false, detail);
    }

    /** The verdict a point's status or samples force, before any baseline is looked at. */
    static Optional<PointVerdict> forced(PointResult point) {
        return switch (point.status()) {
            case SKIPPED -> Optional.of(withoutTiming(point, Verdict.SKIPPED, point.skipReason()));
            case INCORRECT -> Optional.of(withoutTiming(point, Verdict.INCORRECT, String.join("; ", point.mismatches())));
            case MEASURED -> samplesProblem(point.samplesMicros()).map(problem -> withoutTiming(point, Verdict.ERROR, problem));
        };
    }

    PointVerdict compare(PointResult point, BaselinePoint baseline) {
        double[] current = point.samplesMicros();
        double[] recorded = baseline.samples();
        double median = point.medianMicros();
        double base = baseline.medianMicros();
        PointLimit limit = limits.of(baseline);
        boolean slower = median >= base;
        double p = slower ? MannWhitneyU.pGreater(current, recorded) : MannWhitneyU.pLess(current, recorded);
        boolean beyond = median > limit.upperMicros() || median < limit.lowerMicros();
        boolean significant = p < alpha;
        Verdict verdict = !beyond || !significant ? Verdict.PASS : slower ? Verdict.REGRESSED : Verdict.IMPROVED;
        return new PointVerdict(point.communicator(), point.sequenceLength(), point.bytes(), verdict, median, base, limit,
                (median / base - 1) * 100, p, beyond && !significant, "");
    }

    private static Optional<String> samplesProblem(double[] samples) {
        if (samples.length == 0) {
            return Optional.of("measured, but no samples came back");
        }
        if (Arrays.stream(samples).anyMatch(s -> !Double.isFinite(s) || s < 0)) {
            return Optional.of("measured, but a sample is not a finite, non-negative latency");
        }
        return Optional.empty();
    }

    private static double measuredMedian(PointResult point) {
        return point.status() == PointStatus.MEASURED && point.samplesMicros().length > 0
                ? point.medianMicros() : Double.NaN;
    }
}
