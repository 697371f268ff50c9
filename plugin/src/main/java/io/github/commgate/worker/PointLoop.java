package io.github.commgate.worker;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.BackendRegistry;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.ExactSumImages;
import io.github.commgate.comm.NodeLayout;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.PointMeasurement;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.WorkerPhase;
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
 * of all ranks before each one so that no rank times a point while a peer is still on the last;
 * then tells the host where the rank's time went.
 */
final class PointLoop {

    private final BenchmarkPlan plan;
    private final RankPlacement placement;
    private final String node;
    private final Path scratch;
    private final CoordinatorLink link;
    private final BackendRegistry backend;
    private final PhaseTimes phases;
    private final ExactSumImages exactSums;

    PointLoop(BenchmarkPlan plan, RankPlacement placement, String node, Path scratch, CoordinatorLink link, PhaseTimes phases) {
        this.plan = plan;
        this.placement = placement;
        this.node = node;
        this.scratch = scratch;
        this.link = link;
        this.phases = phases;
        // Computed on every core while the communicators open; the first point waits for what is left.
        this.exactSums = ExactSumImages.computeInBackground(placement.rank(), plan.worldSize(), plan.dtype(),
                plan.maxBytes() / plan.dtype().bytes());
        // Only opening a communicator loads native code, so a CPU worker never loads JavaCPP.
        this.backend = CommunicatorCatalog.registry(plan.backend());
    }

    void run() throws IOException {
        NodeLayout nodes = new NodeLayout(link.allGather(node.getBytes(StandardCharsets.UTF_8)).stream()
                .map(name -> new String(name, StandardCharsets.UTF_8)).toList());
        RankContext context = new RankContext(placement.rank(), plan.worldSize(), placement.localRank(), scratch, plan.maxBytes(),
                plan.protocol(), plan.customMaxBytes(), link, exactSums, phases, nodes);
        Map<String, Communicator> communicators = new LinkedHashMap<>();
        for (String name : plan.communicators()) {
            Optional<String> unplaced = backend.declaration(name).placementProblem(nodes);
            if (unplaced.isPresent()) {
                communicators.put(name, new SkippedCommunicator(name, unplaced.get()));
                continue;
            }
            try (PhaseTimes.Span setup = phases.start(WorkerPhase.SETUP)) {
                communicators.put(name, backend.open(name, context));
            }
        }
        Map<String, String> facts;
        try (PhaseTimes.Span describing = phases.start(WorkerPhase.FACTS)) {
            facts = new LinkedHashMap<>(backend.describe(context));
        }
        facts.put(MachineFacts.NODE_COUNT, Integer.toString(nodes.nodeCount()));
        facts.put(MachineFacts.RANKS_PER_NODE, nodes.ranksPerNode());
        link.send(new Message.RankEnvironment(facts));
        for (BenchmarkPlan.PlannedPoint planned : plan.points()) {
            link.send(new Message.PointReport(measure(communicators.get(planned.communicator()), planned.point())));
        }
        // What can change while the points run is told again: the host may have moved the CPUs.
        Map<String, String> after;
        try (PhaseTimes.Span describing = phases.start(WorkerPhase.FACTS)) {
            after = backend.describeAgain(context, facts);
        }
        if (!after.equals(facts)) {
            link.send(new Message.RankEnvironment(after));
        }
        // Closed only after a clean run: closing may meet the peers at a barrier, which a failed
        // rank must not wait at; when a rank fails the process exits and the driver frees it all.
        try (PhaseTimes.Span teardown = phases.start(WorkerPhase.TEARDOWN)) {
            for (Communicator communicator : communicators.values()) {
                communicator.close();
            }
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        phases.seconds().forEach((phase, value) -> seconds.put(phase.key(), value));
        link.send(new Message.RankTiming(seconds));
    }

    private RankPointResult measure(Communicator communicator, AllReducePoint point) throws IOException {
        Optional<String> skip = communicator.skipReason(point);
        try (PhaseTimes.Span waiting = phases.start(WorkerPhase.WAITING)) {
            link.barrier();
        }
        long started = System.currentTimeMillis();
        if (skip.isPresent()) {
            return RankPointResult.skipped(placement.rank(), communicator.name(), point.sequenceLength(), started, skip.get());
        }
        PointMeasurement measured = communicator.measure(point);
        return new RankPointResult(placement.rank(), communicator.name(), point.sequenceLength(), started, null,
                measured.latencyMicros(), measured.hostMicros(), measured.correctness().mismatches(),
                measured.correctness().firstMismatch());
    }
}
