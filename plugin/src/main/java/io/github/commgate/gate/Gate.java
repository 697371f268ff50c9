package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.GatePolicy;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.stats.MannWhitneyU;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a run with the baseline of its environment and decides. A suspect point (REGRESSED)
 * is meant to be measured again before it fails a build: {@link Confirmation} does that, so a
 * point fails only when two independent measurements both say it regressed.
 */
public final class Gate {

    private final Thresholds thresholds;
    private final boolean allowEnvironmentMismatch;
    private final boolean requireBaseline;

    /** @param requireBaseline a run in which no point was compared fails (see {@link GateOutcome}) */
    public Gate(Thresholds thresholds, boolean allowEnvironmentMismatch, boolean requireBaseline) {
        this.thresholds = thresholds;
        this.allowEnvironmentMismatch = allowEnvironmentMismatch;
        this.requireBaseline = requireBaseline;
    }

    /** The gate a validated policy describes. */
    public static Gate of(GatePolicy policy) {
        return new Gate(policy.thresholds(), policy.allowEnvironmentMismatch(), policy.requireBaseline());
    }

    /** Against the baseline where there is one; see the two methods below. */
    public GateOutcome evaluate(RunResult run, Optional<Baseline> baseline, String baselineName) {
        return baseline.map(b -> evaluate(run, b, baselineName)).orElseGet(() -> evaluate(run, baselineName));
    }

    /** For an environment that has no baseline yet: nothing is compared, but wrong results still fail. */
    public GateOutcome evaluate(RunResult run, String baselineName) {
        EnvironmentComparison environment = EnvironmentComparison.withoutBaseline(baselineName, EnvironmentKey.of(run));
        List<PointVerdict> verdicts = run.points().stream()
                .map(p -> PointJudge.forced(p).orElseGet(() -> PointJudge.withoutTiming(p, Verdict.NO_BASELINE, "")))
                .toList();
        List<String> warnings = new ArrayList<>();
        if (verdicts.stream().anyMatch(v -> v.verdict() == Verdict.NO_BASELINE)) {
            warnings.add(environment.sentence() + "; nothing was compared: record one with update-baseline");
        }
        return GateOutcome.decide(environment, verdicts, warnings, requireBaseline);
    }

    /** @param baselineName how messages name the baseline, usually the path it was read from */
    public GateOutcome evaluate(RunResult run, Baseline baseline, String baselineName) {
        EnvironmentComparison environment = EnvironmentComparison.of(baselineName, baseline, run, EnvironmentKey.of(run),
                allowEnvironmentMismatch);
        MachineState state = MachineState.of(baseline.environment(), run.environment());
        PointJudge judge = new PointJudge(new Limits(thresholds, run.plan().backend(), run.plan().protocol()), thresholds.alpha());
        List<PointVerdict> verdicts = run.points().stream()
                .map(p -> PointJudge.forced(p).orElseGet(() -> judge(judge, p, baseline, environment.compared(), state)))
                .toList();
        return GateOutcome.decide(environment, verdicts, warnings(environment, run, baseline, verdicts, state), requireBaseline);
    }

    private static PointVerdict judge(PointJudge judge, PointResult point, Baseline baseline, boolean compared,
                                      MachineState state) {
        if (!compared) {
            return PointJudge.withoutTiming(point, Verdict.NOT_COMPARABLE, "");
        }
        return baseline.point(point.communicator(), point.sequenceLength())
                .map(entry -> entry.bytes() == point.bytes() ? state.apply(judge.compare(point, entry))
                        : PointJudge.withoutTiming(point, Verdict.NOT_COMPARABLE, "the baseline entry is for "
                                + entry.bytes() + " bytes, this run measured " + point.bytes()))
                .orElseGet(() -> PointJudge.withoutTiming(point, Verdict.NO_BASELINE, ""));
    }

    private List<String> warnings(EnvironmentComparison environment, RunResult run, Baseline baseline,
                                  List<PointVerdict> verdicts, MachineState state) {
        List<String> warnings = new ArrayList<>();
        if (environment.compared() && !environment.changedDetails().isEmpty()) {
            warnings.add("the environment changed since the baseline was recorded: "
                    + String.join("; ", environment.changedDetails()));
        }
        warnings.addAll(state.warnings(verdicts));
        List<String> missing = verdicts.stream().filter(v -> v.verdict() == Verdict.NO_BASELINE)
                .map(PointVerdict::label).toList();
        if (!missing.isEmpty()) {
            long measured = verdicts.stream().filter(v -> !Double.isNaN(v.currentMedianMicros())).count();
            String which = missing.size() < measured ? missing.size() + " of the " + measured + " measured points have no"
                    : measured == 1 ? "the measured point has no" : "none of the " + measured + " measured points has a";
            warnings.add(which + " baseline entry (" + String.join(", ", missing) + "), so "
                    + (missing.size() < measured ? "they were not" : "nothing was") + " compared; record them with update-baseline");
        }
        if (verdicts.stream().anyMatch(v -> v.limit() != null && v.limit().rule() == PointLimit.Rule.FIXED)) {
            warnings.add("baseline " + environment.baselineName() + " has no per-run medians (recorded by an older commgate"
                    + " or from one run), so its points are judged by the fixed rule of " + Figures.plain(Defaults.THRESHOLD_PERCENT)
                    + " % and " + Figures.plain(Defaults.FLOOR_MICROS) + " us; record it again with update-baseline"
                    + " (recordRuns 2 or more) for limits that follow each point's noise");
        }
        warnings.addAll(powerWarnings(run, baseline, verdicts));
        return warnings;
    }

    /** A gate that cannot fail is worse than none: say so when the trials are too few for any p to reach alpha. */
    private List<String> powerWarnings(RunResult run, Baseline baseline, List<PointVerdict> verdicts) {
        Set<String> warnings = new LinkedHashSet<>();
        for (PointVerdict verdict : verdicts) {
            if (verdict.verdict() != Verdict.PASS && verdict.verdict() != Verdict.IMPROVED) {
                continue;
            }
            int current = run.point(verdict.communicator(), verdict.sequenceLength()).orElseThrow().samplesMicros().length;
            int recorded = baseline.point(verdict.communicator(), verdict.sequenceLength()).orElseThrow().samplesMicros().size();
            double smallest = MannWhitneyU.smallestP(current, recorded);
            if (smallest >= thresholds.alpha()) {
                warnings.add(String.format(Locale.ROOT, "with %d samples in this run and %d in the baseline no difference"
                        + " can be significant at alpha %s (the smallest possible p is %.3f), so no point can regress;"
                        + " use more trials", current, recorded, Figures.plain(thresholds.alpha()), smallest));
            }
        }
        return List.copyOf(warnings);
    }
}
