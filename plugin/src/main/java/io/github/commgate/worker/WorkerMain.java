package io.github.commgate.worker;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.plan.CommunicatorCatalog;
import io.github.commgate.protocol.Message;
import io.github.commgate.protocol.WorkerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Entry point of a forked worker JVM: joins the coordinator named in its environment, asks for
 * the plan, measures every point, and exits 0; on any failure it tells the coordinator why,
 * writes the stack trace to its log (stdout), and exits 1.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        String coordinator = required(WorkerEnvironment.COORDINATOR);
        int rank = Integer.parseInt(required(WorkerEnvironment.RANK));
        loadLibrariesMeanwhile(System.getenv(WorkerEnvironment.BACKEND));
        int colon = coordinator.lastIndexOf(':');
        Message.Hello hello = new Message.Hello(rank, ProcessHandle.current().pid(), required(WorkerEnvironment.TOKEN));
        CoordinatorLink link;
        try {
            link = CoordinatorLink.join(coordinator.substring(0, colon), Integer.parseInt(coordinator.substring(colon + 1)), hello);
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
            Path scratch = Path.of(required(WorkerEnvironment.SCRATCH_DIRECTORY));
            int localRank = Integer.parseInt(required(WorkerEnvironment.LOCAL_RANK));
            new PointLoop(plan, rank, localRank, scratch, link, new PhaseTimes()).run();
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
