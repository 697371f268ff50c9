package io.github.commgate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.commgate.history.RunOrigin;
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
 * samples and every rank's raw samples, their interquartile range, and the wall time the run
 * spent on the point; "timing" says where the run's wall time went (docs/measurement.md).
 */
public final class ResultsJson {

    public static final int FORMAT = 1;
    /** Under "timing": the host's phases (result.RunTiming), and the workers', each the slowest rank's. */
    public static final String HOST_SECONDS = "host_seconds";
    public static final String WORKER_SECONDS = "worker_seconds";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    public static ObjectNode toJson(RunResult run, String toolVersion) {
        return toJson(run, toolVersion, RunOrigin.UNKNOWN);
    }

    /** @param origin written as "origin" where something of it is known, so a history can be rebuilt from the file */
    public static ObjectNode toJson(RunResult run, String toolVersion, RunOrigin origin) {
        BenchmarkPlan plan = run.plan();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tool", "commgate " + toolVersion);
        root.put("started_at", run.startedAt().toString());
        if (!origin.equals(RunOrigin.UNKNOWN)) {
            ObjectNode node = root.putObject("origin");
            node.put("project", origin.project());
            node.put("git_commit", origin.gitCommit());
            node.put("git_branch", origin.gitBranch());
        }
        PlanJson.write(plan, root);
        ObjectNode environment = root.putObject("environment");
        new TreeMap<>(run.environment()).forEach(environment::put);
        root.put("rendezvous_seconds", run.rendezvousSeconds());
        root.put("total_seconds", run.totalSeconds());
        if (!run.timing().isEmpty()) {
            ObjectNode timing = root.putObject("timing");
            run.timing().host().forEach(timing.putObject(HOST_SECONDS)::put);
            run.timing().workers().forEach(timing.putObject(WORKER_SECONDS)::put);
        }
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
        PlanJson.writePointKey(node, p.communicator(), p.sequenceLength(), p.bytes());
        node.put("status", p.status().name());
        if (Double.isFinite(p.wallSeconds())) {
            node.put("wall_seconds", p.wallSeconds());
        }
        if (p.status() == PointStatus.SKIPPED) {
            node.put("skip_reason", p.skipReason());
            return node;
        }
        if (p.status() == PointStatus.MEASURED) {
            node.put("median_us", p.medianMicros());
            if (Double.isFinite(p.interquartileMicros())) {
                node.put("iqr_us", p.interquartileMicros());
            }
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
