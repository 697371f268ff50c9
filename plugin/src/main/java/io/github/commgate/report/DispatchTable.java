package io.github.commgate.report;

import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import io.github.commgate.result.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which communicator to use at which size, read off a run: the fastest correct communicator at
 * each measured size, with neighbouring sizes of the same winner merged into one range. These
 * are the crossover points a user configures, as vLLM's size thresholds encode them.
 */
public final class DispatchTable {

    /** Sizes up to {@code upToBytes} (and above the previous range) go to {@code communicator}. */
    public record Range(long upToBytes, String communicator) {
    }

    private DispatchTable() {
    }

    public static List<Range> ranges(RunResult run) {
        List<Range> ranges = new ArrayList<>();
        List<Integer> sizes = run.plan().sequenceLengths().stream().sorted().toList();
        for (int sequenceLength : sizes) {
            Optional<PointResult> fastest = run.fastestAt(sequenceLength);
            if (fastest.isEmpty()) {
                continue;
            }
            Range range = new Range(fastest.get().bytes(), fastest.get().communicator());
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1).communicator().equals(range.communicator())) {
                ranges.set(ranges.size() - 1, range);
            } else {
                ranges.add(range);
            }
        }
        return ranges;
    }

    /** "dispatch: custom-oneshot up to 0.25 MiB, custom-twoshot up to 8.00 MiB, nccl above". */
    public static String line(RunResult run) {
        List<Range> ranges = ranges(run);
        if (ranges.isEmpty()) {
            return "dispatch: nothing was measured";
        }
        StringBuilder line = new StringBuilder("dispatch (fastest per measured size): ");
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            if (i > 0) {
                line.append(", ");
            }
            boolean last = i == ranges.size() - 1;
            line.append(range.communicator()).append(last && ranges.size() > 1 ? " above" : " up to " + Units.size(range.upToBytes()));
        }
        return line.toString();
    }
}
