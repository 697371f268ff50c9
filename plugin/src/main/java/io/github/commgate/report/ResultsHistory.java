package io.github.commgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.history.HistoryPoint;
import io.github.commgate.history.HistoryRecord;
import io.github.commgate.history.RunOrigin;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A results.json (or benchmark.json) as the {@link HistoryRecord} its run would have appended,
 * so a trend can be built from the files that earlier CI runs left as artifacts, with no
 * history kept anywhere. A file without a "gate" (benchmark.json) is a run no gate judged.
 */
public final class ResultsHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsHistory() {
    }

    /** @throws UnreadableResultsException one line naming the file and the field */
    public static HistoryRecord read(Path file) throws UnreadableResultsException {
        RunResult run = ResultsJsonReader.read(file);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UnreadableResultsException("results " + file + ": cannot be read: " + e.getMessage());
        }
        JsonNode origin = root.path("origin");
        RunOrigin runOrigin = new RunOrigin(text(origin, "project"), text(origin, "git_commit"), text(origin, "git_branch"));
        String tool = root.path("tool").asText("commgate");
        JsonNode gate = root.path("gate");
        if (!gate.isObject()) {
            HistoryRecord measured = HistoryRecord.of(run, HistoryRecord.MEASURED, List.of(), runOrigin, "");
            return new HistoryRecord(measured.startedAt(), tool, runOrigin, measured.environment(),
                    measured.environmentDescription(), measured.decision(), measured.points());
        }
        List<HistoryPoint> points = new ArrayList<>();
        JsonNode judged = gate.path("points");
        for (int i = 0; i < judged.size(); i++) {
            points.add(point(file, i, judged.get(i), run));
        }
        EnvironmentKey key = EnvironmentKey.of(run);
        String decision = text(gate, "decision");
        if (decision == null) {
            throw new UnreadableResultsException("results " + file + ": expected text for 'gate.decision'");
        }
        return new HistoryRecord(run.startedAt(), tool, runOrigin, HistoryRecord.environmentName(key), key.describe(), decision,
                points);
    }

    private static HistoryPoint point(Path file, int index, JsonNode node, RunResult run) throws UnreadableResultsException {
        String communicator = text(node, "communicator");
        String verdict = text(node, "verdict");
        if (communicator == null || verdict == null || !node.path("sequence_length").canConvertToInt()) {
            throw new UnreadableResultsException(String.format("results %s: gate.points[%d]: expected 'communicator',"
                    + " 'sequence_length' and 'verdict'", file, index));
        }
        int sequenceLength = node.path("sequence_length").asInt();
        Optional<PointResult> measured = run.point(communicator, sequenceLength);
        return new HistoryPoint(communicator, sequenceLength, node.path("bytes").asLong(), verdict, number(node, "median_us"),
                measured.map(PointResult::interquartileMicros).orElse(Double.NaN), number(node, "baseline_median_us"),
                number(node, "limit_us"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
