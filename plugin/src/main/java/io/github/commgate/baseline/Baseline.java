package io.github.commgate.baseline;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recorded latencies of one environment, as kept in the user's repository.
 *
 * @param environment what the run's environment map held besides the host: JVM and OS, or
 *                    driver, CUDA runtime and NCCL versions; informational, never part of the key
 * @param reason      why points were allowed to get slower: their own reasons, each once (a file of
 *                    format 1 has only this one, for its last update), else null
 * @param points      sorted in {@link BaselinePoint#FILE_ORDER}
 */
public record Baseline(EnvironmentKey key, Map<String, String> environment, String host,
                       Provenance provenance, BaselineParameters parameters, String reason,
                       List<BaselinePoint> points) {

    /** 2 added per-run medians and per-point reasons; files of format 1 are still read. */
    public static final int FORMAT = 2;

    public Baseline {
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        points = points.stream().sorted(BaselinePoint.FILE_ORDER).toList();
        List<String> reasons = points.stream().map(BaselinePoint::reason).filter(Objects::nonNull).distinct().toList();
        reason = !reasons.isEmpty() ? String.join("; ", reasons) : reason == null || reason.isBlank() ? null : reason.trim();
    }

    public Optional<BaselinePoint> point(String communicator, int sequenceLength) {
        return points.stream().filter(p -> p.isFor(communicator, sequenceLength)).findFirst();
    }
}
