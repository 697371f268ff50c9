package io.github.commgate.plan;

import java.nio.file.Path;

/**
 * Where runs are kept for their trend, and how many of the latest the trend shows.
 *
 * @param directory one JSON Lines file per environment (history.HistoryFile); null where a goal keeps none
 * @param trendRuns the latest runs the trend charts and the creeping-up rule read
 */
public record HistoryPolicy(Path directory, int trendRuns) {
}
