package io.github.commgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.EnvironmentKey;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.gate.EnvironmentComparison;
import io.github.commgate.gate.PointVerdict;
import io.github.commgate.plan.PlanJson;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * results.json: the run as {@link ResultsJson} builds it, unchanged, plus a "gate" object with
 * the decision and, per point, the numbers behind its verdict. A number that does not exist
 * (no baseline, no samples) is null, never NaN, which strict JSON parsers reject. A run that
 * failed before the gate compared it has a null "baseline" and its reason in "run_error".
 */
final class GateJson implements ReportFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String fileName() {
        return "results.json";
    }

    @Override
    public String render(RunReport report) {
        try {
            return JSON.writeValueAsString(toJson(report, report.judgementFor(this))) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of plain nodes always serialises
        }
    }

    static ObjectNode toJson(RunReport report, Judgement judgement) {
        ObjectNode root = ResultsJson.toJson(report.run(), report.toolVersion(), report.origin());
        ObjectNode gate = root.putObject("gate");
        gate.put("decision", judgement.decision().name());
        gate.put("headline", judgement.headline());
        judgement.runError().ifPresent(reason -> gate.put("run_error", reason));
        judgement.comparison().ifPresentOrElse(
                comparison -> environment(gate.putObject("baseline"), comparison, judgement.baseline()),
                () -> gate.putNull("baseline"));
        judgement.violations().forEach(gate.putArray("violations")::add);
        judgement.warnings().forEach(gate.putArray("warnings")::add);
        var points = gate.putArray("points");
        judgement.points().forEach(p -> point(points.addObject(), p));
        return root;
    }

    private static void environment(ObjectNode node, EnvironmentComparison environment, Optional<Baseline> baseline) {
        node.put("file", environment.baselineName());
        node.put("present", environment.hasBaseline());
        node.put("environment_matched", environment.hasBaseline() && environment.sameKey());
        node.put("compared", environment.compared());
        node.put("comparison", environment.sentence());
        if (environment.hasBaseline()) {
            key(node.putObject("baseline_environment"), environment.baselineKey());
        }
        key(node.putObject("current_environment"), environment.currentKey());
        environment.changedDetails().forEach(node.putArray("changed_details")::add);
        baseline.ifPresent(b -> provenance(node.putObject("recorded"), b));
    }

    private static void key(ObjectNode node, EnvironmentKey key) {
        node.put("description", key.describe());
        key.writeTo(node);
    }

    private static void provenance(ObjectNode node, Baseline baseline) {
        Provenance provenance = baseline.provenance();
        node.put("tool", "commgate " + provenance.toolVersion());
        node.put("at", provenance.recordedAt().toString());
        node.put("git_commit", provenance.gitCommit());
        node.put("host", baseline.host());
        node.put("reason", baseline.reason());
    }

    private static void point(ObjectNode node, PointVerdict p) {
        PlanJson.writePointKey(node, p.communicator(), p.sequenceLength(), p.bytes());
        node.put("verdict", p.verdict().name());
        number(node, "median_us", p.currentMedianMicros());
        number(node, "baseline_median_us", p.baselineMedianMicros());
        number(node, "limit_us", p.limitMicros());
        number(node, "threshold_percent", p.thresholdPercent());
        node.put("floor_binds", p.floorBinds());
        node.put("limit_rule", p.limit() == null ? null : p.limit().rule().name().toLowerCase(Locale.ROOT));
        number(node, "detectable_pct", p.detectablePercent());
        number(node, "delta_percent", p.deltaPercent());
        number(node, "p_value", p.pValue());
        node.put("not_significant", p.notSignificant());
        node.put("sentence", p.sentence());
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
