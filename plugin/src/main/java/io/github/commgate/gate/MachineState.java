package io.github.commgate.gate;

import io.github.commgate.machine.GpuState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this run and its baseline were measured in the same machine state, and what follows
 * for a verdict when they were not. The code did not change where the machine did, so a point
 * that is slower while the run met a slower state (the ranks' CPUs farther apart, a GPU holding
 * its clocks down or shared with another process) is not blamed on the code: it is measured
 * again, and stays NOT_COMPARABLE if the state persists. Likewise a point is not counted as
 * IMPROVED only because the baseline was recorded in a slower state.
 */
final class MachineState {

    private final Optional<RankDistance> distance;
    private final List<String> gpuSlowerNow;
    private final List<String> gpuSlowerThen;

    private MachineState(Optional<RankDistance> distance, List<String> gpuSlowerNow, List<String> gpuSlowerThen) {
        this.distance = distance;
        this.gpuSlowerNow = gpuSlowerNow;
        this.gpuSlowerThen = gpuSlowerThen;
    }

    static MachineState of(Map<String, String> baseline, Map<String, String> run) {
        return new MachineState(RankDistance.of(baseline, run), GpuState.slowerThan(run, baseline),
                GpuState.slowerThan(baseline, run));
    }

    PointVerdict apply(PointVerdict verdict) {
        if (verdict.verdict() == Verdict.REGRESSED) {
            Optional<RankDistance> farther = distance.filter(d -> d.explains(verdict));
            if (farther.isPresent()) {
                return verdict.notJudged(farther.get().sentence()
                        + ": the ranks' CPUs were farther apart than when the baseline was recorded");
            }
            if (!gpuSlowerNow.isEmpty()) {
                return verdict.notJudged(String.join("; ", gpuSlowerNow) + " during this run, unlike when the baseline"
                        + " was recorded");
            }
        }
        if (verdict.verdict() == Verdict.IMPROVED) {
            Optional<RankDistance> nearer = distance.filter(d -> d.explainsFaster(verdict));
            if (nearer.isPresent()) {
                return verdict.notCountedFaster(nearer.get().sentence()
                        + ": the ranks' CPUs were nearer than when the baseline was recorded");
            }
            if (!gpuSlowerThen.isEmpty()) {
                return verdict.notCountedFaster("when the baseline was recorded " + String.join("; ", gpuSlowerThen));
            }
        }
        return verdict;
    }

    /** What the user should hear: the states differed, and which points went unjudged for it. */
    List<String> warnings(List<PointVerdict> verdicts) {
        List<String> warnings = new ArrayList<>();
        List<String> unjudged = verdicts.stream().filter(PointVerdict::overLimitButNotJudged).map(PointVerdict::label).toList();
        String outcome = unjudged.isEmpty() ? "no point was left unjudged for it"
                : (unjudged.size() == 1 ? "1 point over its limit was" : unjudged.size() + " points over their limits were")
                + " not judged (" + String.join(", ", unjudged) + "); run the gate again, or record a baseline if the machine"
                + " stays so";
        distance.filter(RankDistance::fartherApart).ifPresent(d -> warnings.add("the ranks' CPUs were farther apart than"
                + " when the baseline was recorded (" + d.sentence() + "; a virtual machine's host moves its CPUs): " + outcome));
        distance.filter(RankDistance::nearer).ifPresent(d -> warnings.add("the baseline was recorded with the ranks' CPUs"
                + " farther apart than in this run (" + d.sentence() + "), so a point much faster for it does not count as"
                + " improved and its regression may hide: record the baseline again where the ranks sit near"));
        if (!gpuSlowerNow.isEmpty()) {
            warnings.add("the GPU was slower during this run than when the baseline was recorded ("
                    + String.join("; ", gpuSlowerNow) + "): " + outcome);
        }
        if (!gpuSlowerThen.isEmpty()) {
            warnings.add("the baseline was recorded while " + String.join("; ", gpuSlowerThen) + ", so no point counts"
                    + " as improved against it and a regression may hide: record it again on a GPU in its usual state");
        }
        return warnings;
    }
}
