package io.github.commgate.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gate's answer for a whole run: a verdict per point in the run's order, how the
 * environments compared, and one decision the caller acts on.
 *
 * @param headline one sentence that says why the decision is what it is
 * @param warnings things that did not change the decision but that a user should hear about:
 *                 nothing compared, too few trials for any test to be significant, a changed driver
 */
public record GateOutcome(Decision decision, String headline, EnvironmentComparison environment,
                          List<PointVerdict> points, List<String> warnings) {

    /** What the caller does: PASS goes on; FAIL fails the build; ERROR is broken infrastructure. */
    public enum Decision {
        PASS,
        /** A regression, a wrong result, or nothing measured at all. */
        FAIL,
        /** The baseline is from another environment and comparing across environments is not allowed. */
        NOT_COMPARABLE,
        /** Some points could not be judged (no samples came back): never reported as a regression. */
        ERROR
    }

    public GateOutcome {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param requireBaseline a run in which no point was compared fails instead of passing with a
     *                        warning: a green build must mean that the gate looked
     */
    static GateOutcome decide(EnvironmentComparison environment, List<PointVerdict> points, List<String> warnings,
                              boolean requireBaseline) {
        long skipped = count(points, Verdict.SKIPPED);
        long failed = count(points, Verdict.REGRESSED) + count(points, Verdict.INCORRECT);
        long compared = compared(points);
        String counted = points.size() + (points.size() == 1 ? " point, " : " points, ") + compared + " compared: "
                + tally(points);
        String failedCount = failed + " of " + points.size() + " points failed, " + compared + " compared: " + tally(points);
        if (skipped == points.size()) {
            String why = points.isEmpty() ? "the run has no points" : "all " + points.size() + " points were skipped";
            return new GateOutcome(Decision.FAIL, "nothing was measured: " + why, environment, points, warnings);
        }
        if (failed > 0) {
            return new GateOutcome(Decision.FAIL, failedCount, environment, points, warnings);
        }
        if (environment.hasBaseline() && !environment.compared()) {
            return new GateOutcome(Decision.NOT_COMPARABLE, environment.sentence(), environment, points, warnings);
        }
        long errors = count(points, Verdict.ERROR);
        if (errors > 0) {
            return new GateOutcome(Decision.ERROR, errors + " of " + points.size() + " points could not be judged: "
                    + tally(points), environment, points, warnings);
        }
        if (compared == 0 && requireBaseline) {
            return new GateOutcome(Decision.FAIL, "no point was compared (" + (environment.hasBaseline()
                    ? "baseline " + environment.baselineName() + " has none of the measured points" : environment.sentence())
                    + ") and a baseline is required: " + counted, environment, points, warnings);
        }
        return new GateOutcome(Decision.PASS, counted, environment, points, warnings);
    }

    /** Points whose timing was judged against a baseline entry. */
    static long compared(List<PointVerdict> points) {
        return count(points, Verdict.PASS) + count(points, Verdict.IMPROVED) + count(points, Verdict.REGRESSED);
    }

    /** True when a baseline was there but no measured point had an entry in it: it counts as missing. */
    public boolean baselineCoversNothing() {
        return environment.hasBaseline() && environment.compared() && compared(points) == 0
                && !withVerdict(Verdict.NO_BASELINE).isEmpty();
    }

    public boolean failed() {
        return decision == Decision.FAIL;
    }

    /** The sentences that fail the build, in the run's order: regressions, wrong results, or why nothing counted. */
    public List<String> violations() {
        List<String> sentences = points.stream()
                .filter(p -> p.verdict() == Verdict.REGRESSED || p.verdict() == Verdict.INCORRECT)
                .map(PointVerdict::sentence).toList();
        return sentences.isEmpty() && failed() ? List.of(headline) : sentences;
    }

    /** Sentences of the points that could not be judged. */
    public List<String> errors() {
        return withVerdict(Verdict.ERROR).stream().map(PointVerdict::sentence).toList();
    }

    /**
     * Regressed points, and points over their limits that could not be judged (see
     * {@link RankDistance}): measure them again, then judge the run with {@link Confirmation#replacePoints}.
     */
    public List<PointVerdict> suspects() {
        return points.stream().filter(p -> p.verdict() == Verdict.REGRESSED || p.overLimitButNotJudged()).toList();
    }

    /** True when some suspect could not be judged, so measuring it again may settle it where this run could not. */
    public boolean hasUnjudgedSuspects() {
        return points.stream().anyMatch(PointVerdict::overLimitButNotJudged);
    }

    public List<PointVerdict> withVerdict(Verdict verdict) {
        return points.stream().filter(p -> p.verdict() == verdict).toList();
    }

    /** "10 pass, 1 regressed, 1 skipped", in the order of {@link Verdict}. */
    static String tally(List<PointVerdict> points) {
        return Arrays.stream(Verdict.values()).filter(v -> count(points, v) > 0)
                .map(v -> count(points, v) + " " + v.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private static long count(List<PointVerdict> points, Verdict verdict) {
        return points.stream().filter(p -> p.verdict() == verdict).count();
    }
}
