package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.gate.EnvironmentComparison;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.GateOutcome.Decision;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.gate.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * What the gate made of a run, as the check goal's reports show it: the decision and why, the
 * baseline it was compared with, a row per point, and the sentences a reader acts on.
 *
 * @param comparison       how the environments compared
 * @param baselineSentence where the baseline came from and whether it was compared, in words
 * @param baselineRecorded when, by what and where the baseline was recorded, if there was one
 */
public record Judgement(Decision decision, String headline, EnvironmentComparison comparison, String baselineSentence,
                        Optional<Baseline> baseline, Optional<String> baselineRecorded, List<VerdictRow> rows,
                        List<String> violations, List<String> errors, List<String> skips, List<String> warnings) {

    public Judgement {
        rows = List.copyOf(rows);
        violations = List.copyOf(violations);
        errors = List.copyOf(errors);
        skips = List.copyOf(skips);
        warnings = List.copyOf(warnings);
    }

    /** A finished run, judged by the gate against {@code baseline} where there was one. */
    static Judgement of(GateOutcome outcome, Optional<Baseline> baseline) {
        return new Judgement(outcome.decision(), outcome.headline(), outcome.environment(), outcome.environment().sentence(), baseline, baseline.map(RunDescription::recorded),
                VerdictRows.of(outcome.points()), outcome.violations(), outcome.errors(), skips(outcome.points()),
                outcome.warnings());
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

    /** Why points were not run: the table has no room for the reason, and a reader asks for it. */
    private static List<String> skips(List<PointVerdict> points) {
        return points.stream().filter(p -> p.verdict() == Verdict.SKIPPED).map(PointVerdict::sentence).toList();
    }
}
