package io.github.commgate.baseline;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recorded latencies of one environment, as kept in the user's repository.
 *
 * @param environment what the run's environment map held besides the host: JVM and OS, or
 *                    driver, CUDA runtime and NCCL versions; informational, never part of the key
 * @param reason      why the last update was allowed to make points slower, else null
 * @param points      sorted in {@link BaselinePoint#FILE_ORDER}
 */
public record Baseline(EnvironmentKey key, Map<String, String> environment, String host,
                       Provenance provenance, BaselineParameters parameters, String reason,
                       List<BaselinePoint> points) {

    public static final int FORMAT = 1;

    public Baseline {
        environment = Collections.unmodifiableMap(new TreeMap<>(environment));
        reason = reason == null || reason.isBlank() ? null : reason.trim();
        points = points.stream().sorted(BaselinePoint.FILE_ORDER).toList();
    }

    public Optional<BaselinePoint> point(String communicator, int sequenceLength) {
        return points.stream().filter(p -> p.isFor(communicator, sequenceLength)).findFirst();
    }
}
