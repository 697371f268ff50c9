package io.github.commgate.maven;

import io.github.commgate.history.HistoryFile;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.Trend;
import io.github.commgate.plan.HistoryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/**
 * Appends a goal's run to the history and reads back its environment's trend. The history
 * serves the reports; a history that cannot be written or read is a warning, never the reason a
 * build fails, since the gate has judged the run by then.
 */
final class RunHistory {

    private final Log log;
    private final HistoryPolicy policy;

    RunHistory(Log log, HistoryPolicy policy) {
        this.log = log;
        this.policy = policy;
    }

    /**
     * Appends {@code record}; returns the trend of its environment's latest runs, this one
     * included. Empty when the goal keeps no history, for a run that measured nothing (it names
     * no device, so it would start a history of its own), or when the file fails.
     */
    Optional<Trend> append(HistoryRecord record) {
        if (policy == null || policy.directory() == null || record.points().isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = HistoryFile.append(policy.directory(), record);
            List<HistoryRecord> records = HistoryFile.read(file, problem -> log.warn("commgate: " + problem + "; the line is left out"));
            log.info("commgate: run " + records.size() + " of the history " + file);
            return Optional.of(Trend.of(records, policy.trendRuns()));
        } catch (IOException e) {
            log.warn("commgate: cannot keep the run in the history " + policy.directory() + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
