package io.github.commgate.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last runs of one environment's history, point by point: what the trend charts draw and
 * what report.md says of points creeping up.
 *
 * @param runs   the runs, oldest first
 * @param series one per (communicator, size) that some run measured, by communicator in the
 *               order they first appear, then by size
 */
public record Trend(String environment, String environmentDescription, List<HistoryRecord> runs, List<TrendSeries> series) {

    /** How many runs a trend shows by default: a month of daily builds, and still readable in a small chart. */
    public static final int DEFAULT_RUNS = 30;

    public Trend {
        runs = List.copyOf(runs);
        series = List.copyOf(series);
    }

    /** The last {@code maxRuns} of {@code records} (one environment's), by the time they started. */
    public static Trend of(List<HistoryRecord> records, int maxRuns) {
        List<HistoryRecord> sorted = records.stream().sorted(Comparator.comparing(HistoryRecord::startedAt)).toList();
        List<HistoryRecord> runs = sorted.subList(Math.max(0, sorted.size() - maxRuns), sorted.size());
        Map<String, List<TrendPoint>> byPoint = new LinkedHashMap<>();
        Map<String, HistoryPoint> first = new LinkedHashMap<>();
        for (int run = 0; run < runs.size(); run++) {
            HistoryRecord record = runs.get(run);
            for (HistoryPoint point : record.points()) {
                String key = point.communicator() + "@" + point.bytes();
                first.putIfAbsent(key, point);
                byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(new TrendPoint(run, record, point, record.failed()));
            }
        }
        List<String> communicators = first.values().stream().map(HistoryPoint::communicator).distinct().toList();
        List<TrendSeries> series = first.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, HistoryPoint> e) -> communicators.indexOf(e.getValue().communicator()))
                        .thenComparingLong(e -> e.getValue().bytes()))
                .map(e -> TrendSeries.of(e.getValue().communicator(), e.getValue().sequenceLength(), e.getValue().bytes(),
                        byPoint.get(e.getKey())))
                .toList();
        HistoryRecord latest = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        return new Trend(latest == null ? "" : latest.environment(), latest == null ? "" : latest.environmentDescription(),
                runs, series);
    }

    /** Sentences of the points creeping up, in series order. */
    public List<String> creeping() {
        return series.stream().flatMap(s -> s.creepSentence().stream()).toList();
    }

    /** Sentences of every level step, in series order. */
    public List<String> steps() {
        return series.stream().flatMap(s -> s.stepSentences().stream()).toList();
    }
}
