package io.github.commgate.report;

import io.github.commgate.history.HistoryFile;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.Trend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The runs a trend is built from, wherever they lie: results.json and benchmark.json files (as
 * earlier CI runs left them as artifacts), history files (.jsonl), and directories holding
 * either at any depth. A run given twice (its results.json and its history line) counts once.
 */
public final class TrendInputs {

    private TrendInputs() {
    }

    /**
     * @param warnings told of a history line that cannot be read (left out) and of a directory without runs
     * @throws UnreadableResultsException naming the file and the field, for a results file that cannot be
     *                                    read or a path that does not exist
     */
    public static List<HistoryRecord> read(List<Path> paths, Consumer<String> warnings) throws UnreadableResultsException {
        Map<String, HistoryRecord> runs = new LinkedHashMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UnreadableResultsException("results: " + path + " does not exist");
            }
            List<Path> files = Files.isDirectory(path) ? runFiles(path) : List.of(path);
            if (files.isEmpty()) {
                warnings.accept("no results.json, benchmark.json or history (.jsonl) file in " + path);
            }
            for (Path file : files) {
                for (HistoryRecord record : records(file, warnings)) {
                    runs.putIfAbsent(record.environment() + "@" + record.startedAt(), record);
                }
            }
        }
        return List.copyOf(runs.values());
    }

    /** One trend per environment, the environments in the order of their latest run, newest first. */
    public static List<Trend> trends(List<HistoryRecord> records, int latestRuns) {
        Map<String, List<HistoryRecord>> byEnvironment = new LinkedHashMap<>();
        records.forEach(r -> byEnvironment.computeIfAbsent(r.environment(), e -> new ArrayList<>()).add(r));
        return byEnvironment.values().stream().map(runs -> Trend.of(runs, latestRuns))
                .sorted(Comparator.comparing((Trend t) -> t.runs().get(t.runs().size() - 1).startedAt()).reversed())
                .toList();
    }

    private static List<HistoryRecord> records(Path file, Consumer<String> warnings) throws UnreadableResultsException {
        if (file.getFileName().toString().endsWith(HistoryFile.SUFFIX)) {
            try {
                return HistoryFile.read(file, problem -> warnings.accept(problem + "; the line is left out"));
            } catch (IOException e) {
                throw new UnreadableResultsException("history " + file + ": cannot be read: " + e.getMessage());
            }
        }
        return List.of(ResultsHistory.read(file));
    }

    private static List<Path> runFiles(Path directory) throws UnreadableResultsException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(TrendInputs::isRunFile).sorted().toList();
        } catch (IOException e) {
            throw new UnreadableResultsException("results: cannot list " + directory + ": " + e.getMessage());
        }
    }

    private static boolean isRunFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals("results.json") || name.equals("benchmark.json") || name.endsWith(HistoryFile.SUFFIX);
    }
}
