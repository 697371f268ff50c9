package io.github.commgate.worker;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.machine.HostEnvironment;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.plan.Launcher;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.WorkerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of a worker JVM, forked by the launcher or started by an engine (mpirun, srun):
 * finds its rank in its environment, joins the coordinator named there, asks for the plan,
 * measures every point, and exits 0; on any failure it tells the coordinator why, writes the
 * stack trace to its log (stdout), and exits 1.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> environment = System.getenv();
        String launcherName = environment.getOrDefault(WorkerEnvironment.LAUNCHER, Launcher.LOCAL.label());
        Launcher launcher = Launcher.parse(launcherName).orElse(null);
        RankPlacement placement;
        try {
            if (launcher == null) {
                throw new IllegalArgumentException(WorkerEnvironment.LAUNCHER + " is '" + launcherName + "'; valid: " + Launcher.labels());
            }
            placement = RankPlacement.from(launcher, environment);
        } catch (IllegalArgumentException e) {
            System.err.println("commgate worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        int rank = placement.rank();
        String coordinator = required(WorkerEnvironment.COORDINATOR);
        loadLibrariesMeanwhile(System.getenv(WorkerEnvironment.BACKEND));
        int colon = coordinator.lastIndexOf(':');
        CoordinatorLink link;
        try {
            link = CoordinatorLink.join(coordinator.substring(0, colon), Integer.parseInt(coordinator.substring(colon + 1)),
                    rank, required(WorkerEnvironment.TOKEN));
        } catch (CoordinatorLink.CoordinatorGoneException e) {
            System.err.println("commgate worker rank " + rank + ": the coordinator went away (" + e.getMessage() + "); exiting");
            System.exit(CoordinatorLink.COORDINATOR_GONE);
            return;
        } catch (Exception e) {
            System.err.println("commgate worker rank " + rank + ": cannot join the coordinator at " + coordinator + ": " + e);
            System.exit(2);
            return;
        }
        try {
            BenchmarkPlan plan = link.plan();
            String mismatch = placement.mismatch(launcher, plan.worldSize());
            if (mismatch != null) {
                System.err.println("commgate worker rank " + rank + ": " + mismatch);
                link.send(new Message.WorkerFailure(mismatch, ""));
                link.close();
                System.exit(1);
            }
            Path scratch = NodeScratch.ensure(Path.of(required(WorkerEnvironment.SCRATCH_DIRECTORY)), placement.localRank() == 0);
            String node = environment.getOrDefault(WorkerEnvironment.NODE_NAME, HostEnvironment.hostName());
            new PointLoop(plan, placement, node, scratch, link, new PhaseTimes()).run();
            link.finish();
            link.close();
            System.exit(0);
        } catch (Throwable failure) {
            failure.printStackTrace(System.out);
            System.out.flush();
            try {
                link.send(new Message.WorkerFailure(describe(failure), stackTrace(failure)));
                link.close();
            } catch (Exception ignored) {
                // The coordinator is gone as well; the exit code and the log still tell.
            }
            System.exit(1);
        }
    }

    /**
     * Loads the backend's native libraries on a thread of its own while this thread joins the
     * coordinator and waits for the plan. A failure is left for the first communicator to meet
     * and report with the rank's name.
     */
    private static void loadLibrariesMeanwhile(String backendLabel) {
        Backend backend = backendLabel == null ? null : Backend.parse(backendLabel).orElse(null);
        if (backend == null || backend == Backend.AUTO) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                CommunicatorCatalog.registry(backend).loadLibraries();
            } catch (Throwable reportedLater) {
                // The first communicator to open loads them again and says what is missing.
            }
        }, "commgate-library-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : failure.getClass().getSimpleName() + ": " + message;
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            System.err.println("commgate worker: " + variable + " is not set; workers are started by the commgate plugin, not by hand");
            System.exit(2);
        }
        return value;
    }
}
