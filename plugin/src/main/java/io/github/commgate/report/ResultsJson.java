package io.github.commgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.plan.PlanJson;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.util.TreeMap;

/**
 * The run as a JSON tree: what benchmark.json holds and results.json starts from. The top-level
 * keys and "results" keyed by sequence length follow vLLM's --output-json, so scripts written for
 * it keep working; "points" adds what a gate needs: per point the status, the slowest-rank
 * samples and every rank's raw samples.
 */
public final class ResultsJson {

    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static ObjectNode toJson(RunResult run, String toolVersion) {
        BenchmarkPlan plan = run.plan();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tool", "commgate " + toolVersion);
        root.put("started_at", run.startedAt().toString());
        PlanJson.write(plan, root);
        ObjectNode environment = root.putObject("environment");
        new TreeMap<>(run.environment()).forEach(environment::put);
        root.put("rendezvous_seconds", run.rendezvousSeconds());
        root.put("total_seconds", run.totalSeconds());
        ObjectNode results = root.putObject("results");
        String reference = CommunicatorCatalog.reference(plan.communicators());
        for (int sequenceLength : plan.sequenceLengths()) {
            ObjectNode entry = results.putObject(Integer.toString(sequenceLength));
            ObjectNode timings = entry.putObject("timings");
            for (String communicator : plan.communicators()) {
                run.point(communicator, sequenceLength).filter(p -> p.status() == PointStatus.MEASURED)
                        .ifPresent(p -> timings.put(communicator, p.medianMicros() / 1000.0));
            }
            entry.put("speedup_info", SpeedupInfo.text(run, sequenceLength, reference));
        }
        ArrayNode dispatch = root.putArray("dispatch");
        for (DispatchTable.Range range : DispatchTable.ranges(run)) {
            dispatch.addObject().put("up_to_bytes", range.upToBytes()).put("communicator", range.communicator());
        }
        ArrayNode points = root.putArray("points");
        run.points().forEach(p -> points.add(point(p)));
        return root;
    }

    private static ObjectNode point(PointResult p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("communicator", p.communicator());
        node.put("sequence_length", p.sequenceLength());
        node.put("bytes", p.bytes());
        node.put("status", p.status().name());
        if (p.status() == PointStatus.SKIPPED) {
            node.put("skip_reason", p.skipReason());
            return node;
        }
        if (p.status() == PointStatus.MEASURED) {
            node.put("median_us", p.medianMicros());
            node.put("algbw_gbps", p.algorithmBandwidthGBps());
            node.put("busbw_gbps", p.busBandwidthGBps());
            if (!Double.isNaN(p.hostMicros())) {
                node.put("host_us", p.hostMicros());
            }
        }
        p.mismatches().forEach(node.putArray("mismatches")::add);
        ArrayNode slowest = node.putArray("samples_us");
        for (double sample : p.samplesMicros()) {
            slowest.add(sample);
        }
        ArrayNode ranks = node.putArray("rank_samples_us");
        for (double[] rank : p.rankLatencyMicros()) {
            ArrayNode samples = ranks.addArray();
            for (double sample : rank) {
                samples.add(sample);
            }
        }
        return node;
    }
}
