package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.EnvironmentComparison;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.GateOutcome.Decision;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.util.List;
import java.util.Optional;

/**
 * What the gate made of a run, as the check goal's reports show it: the decision and why, the
 * baseline it was compared with, a row per point, and the sentences a reader acts on.
 *
 * @param runError         the reason a run that failed for an infrastructure reason (a rank
 *                         died, timed out, could not start) ended, whole with its log lines;
 *                         empty for a run that finished
 * @param comparison       how the environments compared; empty when the run ended before that
 * @param baselineSentence where the baseline came from and whether it was compared, in words
 * @param baselineRecorded when, by what and where the baseline was recorded, if there was one
 */
public record Judgement(Decision decision, String headline, Optional<String> runError,
                        Optional<EnvironmentComparison> comparison, String baselineSentence,
                        Optional<Baseline> baseline, Optional<String> baselineRecorded, List<VerdictRow> rows,
                        List<String> violations, List<String> errors, List<String> skips, List<String> warnings) {

    static final String NOT_JUDGED = "not judged: the run failed before the gate compared it";

    public Judgement {
        rows = List.copyOf(rows);
        violations = List.copyOf(violations);
        errors = List.copyOf(errors);
        skips = List.copyOf(skips);
        warnings = List.copyOf(warnings);
    }

    /** A finished run, judged by the gate against {@code baseline} where there was one. */
    static Judgement of(GateOutcome outcome, Optional<Baseline> baseline) {
        return new Judgement(outcome.decision(), outcome.headline(), Optional.empty(), Optional.of(outcome.environment()),
                outcome.environment().sentence(), baseline, baseline.map(RunDescription::recorded),
                VerdictRows.of(outcome.points()), outcome.violations(), outcome.errors(), skips(outcome.points()),
                outcome.warnings());
    }

    /**
     * A run that failed for an infrastructure reason: ERROR, the reason, and each point it did
     * measure, which nothing judged (a wrong result or a skip needs no baseline, and says so).
     */
    static Judgement ofFailedRun(RunResult measuredSoFar, String reason) {
        List<PointVerdict> points = measuredSoFar.points().stream().map(Judgement::unjudged).toList();
        String headline = String.format("the run failed after %d of %d points; nothing was judged",
                measuredSoFar.points().size(), measuredSoFar.plan().points().size());
        List<String> violations = points.stream().filter(p -> p.verdict() == Verdict.INCORRECT).map(PointVerdict::sentence).toList();
        return new Judgement(Decision.ERROR, headline, Optional.of(reason), Optional.empty(),
                "not compared: the run failed before the baseline was read", Optional.empty(), Optional.empty(),
                VerdictRows.of(points), violations, List.of(reason), skips(points), List.of());
    }

    public String statusWord() {
        return VerdictRows.statusWord(decision);
    }

    public List<PointVerdict> points() {
        return rows.stream().map(VerdictRow::point).toList();
    }

    /** Points whose numbers the baseline should take up: faster ones, and ones it lacks. */
    public boolean suggestsUpdate() {
        return rows.stream().map(r -> r.point().verdict()).anyMatch(v -> v == Verdict.IMPROVED || v == Verdict.NO_BASELINE);
    }

    public boolean anyNotSignificant() {
        return rows.stream().anyMatch(r -> r.point().notSignificant());
    }

    /** The first line of the run's error: a sentence that fits a heading or an attribute. */
    Optional<String> runErrorSentence() {
        return runError.map(reason -> reason.lines().findFirst().orElse("").strip());
    }

    /** Why points were not run: the table has no room for the reason, and a reader asks for it. */
    private static List<String> skips(List<PointVerdict> points) {
        return points.stream().filter(p -> p.verdict() == Verdict.SKIPPED).map(PointVerdict::sentence).toList();
    }

    private static PointVerdict unjudged(PointResult point) {
        double median = point.medianMicros();
        return switch (point.status()) {
            case SKIPPED -> withoutBaseline(point, Verdict.SKIPPED, point.skipReason());
            case INCORRECT -> withoutBaseline(point, Verdict.INCORRECT, String.join("; ", point.mismatches()));
            case MEASURED -> withoutBaseline(point, Verdict.ERROR,
                    Double.isFinite(median) ? "median " + Units.micros(median) + ", " + NOT_JUDGED : NOT_JUDGED);
        };
    }

    /** The form of a verdict that needs no baseline: every number but the median is NaN. */
    private static PointVerdict withoutBaseline(PointResult point, Verdict verdict, String detail) {
        return new PointVerdict(point.communicator(), point.sequenceLength(), point.bytes(), verdict, point.medianMicros(),
                Double.NaN, null, Double.NaN, Double.NaN, false, detail);
    }
}
