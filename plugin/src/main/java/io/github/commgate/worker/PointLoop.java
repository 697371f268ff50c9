package io.github.commgate.worker;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.BackendRegistry;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.NodeLayout;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import io.github.commgate.machine.MachineFacts;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.protocol.Message;
import io.github.commgate.result.RankPointResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Learns which node each rank runs on, opens the plan's communicators (those that need every
 * rank on one node only where they are), and measures every point in plan order, with a barrier
 * of all ranks before each one so that no rank times a point while a peer is still on the last.
 */
final class PointLoop {

    private final BenchmarkPlan plan;
    private final RankPlacement placement;
    private final String node;
    private final Path scratch;
    private final CoordinatorLink link;
    private final BackendRegistry backend;
    private final int rank;

    PointLoop(BenchmarkPlan plan, RankPlacement placement, String node, Path scratch, CoordinatorLink link) {
        this.plan = plan;
        this.placement = placement;
        this.node = node;
        this.scratch = scratch;
        this.link = link;
        this.rank = placement.rank();
        // Only opening a communicator loads native code, so a CPU worker never loads JavaCPP.
        this.backend = CommunicatorCatalog.registry(plan.backend());
    }

    void run() throws IOException {
        NodeLayout nodes = new NodeLayout(link.allGather(node.getBytes(StandardCharsets.UTF_8)).stream()
                .map(name -> new String(name, StandardCharsets.UTF_8)).toList());
        RankContext context = new RankContext(rank, plan.worldSize(), placement.localRank(), scratch, plan.maxBytes(),
                plan.protocol(), plan.customMaxBytes(), link, nodes);
        Map<String, Communicator> communicators = new LinkedHashMap<>();
        for (String name : plan.communicators()) {
            Optional<String> unplaced = backend.declaration(name).placementProblem(nodes);
            communicators.put(name, unplaced.isPresent() ? new SkippedCommunicator(name, unplaced.get()) : backend.open(name, context));
        }
        Map<String, String> facts = new LinkedHashMap<>(backend.describe(context));
        facts.put(MachineFacts.NODE_COUNT, Integer.toString(nodes.nodeCount()));
        facts.put(MachineFacts.RANKS_PER_NODE, nodes.ranksPerNode());
        link.send(new Message.RankEnvironment(facts));
        for (BenchmarkPlan.PlannedPoint planned : plan.points()) {
            link.send(new Message.PointReport(measure(communicators.get(planned.communicator()), planned.point())));
        }
        // What can change while the points run is told again: the host may have moved the CPUs.
        Map<String, String> after = backend.describeAgain(context, facts);
        if (!after.equals(facts)) {
            link.send(new Message.RankEnvironment(after));
        }
        // Closed only after a clean run: closing may meet the peers at a barrier, which a failed
        // rank must not wait at; when a rank fails the process exits and the driver frees it all.
        for (Communicator communicator : communicators.values()) {
            communicator.close();
        }
    }

    private RankPointResult measure(Communicator communicator, AllReducePoint point) throws IOException {
        Optional<String> skip = communicator.skipReason(point);
        link.barrier();
        long started = System.currentTimeMillis();
        if (skip.isPresent()) {
            return RankPointResult.skipped(rank, communicator.name(), point.sequenceLength(), started, skip.get());
        }
        PointMeasurement measured = communicator.measure(point);
        return new RankPointResult(rank, communicator.name(), point.sequenceLength(), started, null,
                measured.latencyMicros(), measured.hostMicros(), measured.correctness().mismatches(),
                measured.correctness().firstMismatch());
    }
}
