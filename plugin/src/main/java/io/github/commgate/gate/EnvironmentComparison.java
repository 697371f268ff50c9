package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How this run's environment relates to the baseline's.
 *
 * @param baselineName   how messages name the baseline, usually its path
 * @param baselineKey    null when there is no baseline
 * @param compared       whether timings were compared: same key, or a different key the user allowed
 * @param changedDetails recorded details that differ though the key may match, such as
 *                       "nccl_version: 2.21.5 in the baseline, 2.27.3 now": the likely cause of a change
 */
public record EnvironmentComparison(String baselineName, EnvironmentKey baselineKey, EnvironmentKey currentKey,
                                    boolean compared, List<String> changedDetails) {

    public EnvironmentComparison {
        changedDetails = List.copyOf(changedDetails);
    }

    static EnvironmentComparison withoutBaseline(String baselineName, EnvironmentKey current) {
        return new EnvironmentComparison(baselineName, null, current, false, List.of());
    }

    static EnvironmentComparison of(String baselineName, Baseline baseline, RunResult run, EnvironmentKey current,
                                    boolean allowMismatch) {
        boolean same = baseline.key().equals(current);
        return new EnvironmentComparison(baselineName, baseline.key(), current, same || allowMismatch,
                changedDetails(baseline, run.environment()));
    }

    public boolean hasBaseline() {
        return baselineKey != null;
    }

    public boolean sameKey() {
        return currentKey.equals(baselineKey);
    }

    public String sentence() {
        if (!hasBaseline()) {
            return "no baseline " + baselineName + " for this environment (" + currentKey.describe() + ")";
        }
        if (sameKey()) {
            return "baseline " + baselineName + " was recorded on this environment (" + currentKey.describe() + ")";
        }
        String differs = "baseline " + baselineName + " was recorded on " + baselineKey.describe()
                + ", this run is " + currentKey.describe();
        return compared ? differs + "; compared anyway, as allowed" : differs;
    }

    private static List<String> changedDetails(Baseline baseline, Map<String, String> current) {
        Map<String, String> now = new TreeMap<>(current);
        String host = now.remove(MachineFacts.HOST);
        List<String> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(baseline.environment().keySet());
        names.addAll(now.keySet());
        // Judged by their own rules (MachineState); they differ a little in every run.
        names.removeAll(MachineFacts.MEASURED_STATE);
        for (String name : names) {
            describeChange(name, baseline.environment().get(name), now.get(name), changes);
        }
        describeChange(MachineFacts.HOST, baseline.host(), host, changes);
        return changes;
    }

    private static void describeChange(String name, String before, String after, List<String> changes) {
        if (!Objects.equals(before, after)) {
            changes.add(String.format("%s: %s in the baseline, %s now", name,
                    before == null ? "absent" : before, after == null ? "absent" : after));
        }
    }
}
