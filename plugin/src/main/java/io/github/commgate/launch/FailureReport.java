package io.github.commgate.launch;

import io.github.commgate.plan.BenchmarkPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The messages of a failed run: which rank, what happened to it, and the last lines of its log.
 * At a timeout it names the ranks that kept the others waiting: the coordinator knows who had
 * reached each barrier and all-gather, the reports tell which point each rank had finished.
 */
final class FailureReport {

    private static final int LOG_LINES = 15;

    private final LaunchSettings settings;

    FailureReport(LaunchSettings settings) {
        this.settings = settings;
    }

    String rankFailed(int rank, String message) {
        return String.format("rank %d failed: %s%s", rank, message, logTail(rank));
    }

    String exited(int rank, int exitCode, boolean connected) {
        String when = connected ? "before it finished" : "before it connected to the coordinator";
        return String.format("rank %d exited with code %d %s%s", rank, exitCode, when, logTail(rank));
    }

    String lostConnection(int rank, String why) {
        return String.format("rank %d lost its connection to the coordinator (%s)%s", rank, why, logTail(rank));
    }

    /** The engine ended while ranks had not finished, or with an error: where each unfinished rank was, and the engine's words. */
    String launcherExited(int exitCode, RunProgress run) {
        String launcher = settings.launch().launcher().label();
        List<Integer> unfinished = run.unfinishedRanks();
        StringBuilder message = new StringBuilder(String.format("%s exited with code %d %s", launcher, exitCode,
                unfinished.isEmpty() ? "after every rank finished" : "before " + ranks(unfinished) + " finished"));
        for (int rank : unfinished) {
            message.append(System.lineSeparator()).append(whereItWas(run, rank)).append(logTail(rank));
        }
        return message.append(launcherTail()).toString();
    }

    /** "; mpirun exited with code 1" and the engine's last lines, after a rank was lost under it. */
    String launcherEnded(Integer exitCode) {
        String launcher = settings.launch().launcher().label();
        String ended = exitCode == null
                ? String.format("%n%s was still running some seconds later; commgate stopped it", launcher)
                : String.format("%n%s exited with code %d", launcher, exitCode);
        return ended + launcherTail();
    }

    /** The engine's own last lines (which rank died of what, in its words), for a failure under it. */
    private String launcherTail() {
        return tail(settings.launcherLog());
    }

    String timedOut(RunProgress run, List<CollectiveState.Stall> stalls) {
        StringBuilder message = new StringBuilder(String.format(
                "the run timed out after %d s (timeout) with %d of %d points measured; every rank was stopped",
                settings.timeout().toSeconds(), run.completedPoints(), run.totalPoints()));
        Set<Integer> told = new HashSet<>();
        for (CollectiveState.Stall stall : stalls) {
            for (int rank : stall.missing()) {
                if (run.isConnected(rank) && !run.hasFinished(rank) && told.add(rank)) {
                    message.append(String.format(Locale.ROOT, "%nrank %d had not reached %s, where %s had waited %.1f s",
                            rank, stall.name(), ranks(stall.arrived()), stall.waitedNanos() / 1e9)).append(logTail(rank));
                }
            }
            told.addAll(stall.arrived());
        }
        for (int rank : run.unfinishedRanks()) {
            if (told.add(rank)) {
                message.append(System.lineSeparator()).append(whereItWas(run, rank)).append(logTail(rank));
            }
        }
        return message.toString();
    }

    /** Without a collective to blame: the point it was on, and who had finished that point already. */
    private static String whereItWas(RunProgress run, int rank) {
        if (!run.isConnected(rank)) {
            return "rank " + rank + " had not connected to the coordinator";
        }
        BenchmarkPlan plan = run.plan();
        int reported = run.reportedBy(rank);
        if (reported >= run.totalPoints()) {
            return "rank " + rank + " had measured every point but had not said it finished";
        }
        BenchmarkPlan.PlannedPoint point = plan.points().get(reported);
        List<Integer> ahead = IntStream.range(0, plan.worldSize()).filter(r -> run.reportedBy(r) > reported).boxed().toList();
        return String.format("rank %d had not finished point %d of %d (%s, sequence length %d)%s", rank, reported + 1,
                run.totalPoints(), point.communicator(), point.point().sequenceLength(),
                ahead.isEmpty() ? "" : ", which " + ranks(ahead) + " had");
    }

    private static String ranks(List<Integer> ranks) {
        return (ranks.size() == 1 ? "rank " : "ranks ") + ranks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    String logTail(int rank) {
        Path log = settings.logFile(rank);
        String tail = tail(log);
        return !tail.isEmpty() ? tail
                : String.format("%n  (%s %s)", log, hasContent(log) ? "holds only the JVM's own warnings" : "is empty");
    }

    /** "last lines of LOG:" and those lines, each after "  | "; empty where the log has none to show. */
    private static String tail(Path log) {
        List<String> lines = LogTail.lastLines(log, LOG_LINES);
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder tail = new StringBuilder(String.format("%n  last lines of %s:", log));
        lines.forEach(line -> tail.append(System.lineSeparator()).append("  | ").append(line));
        return tail.toString();
    }

    private static boolean hasContent(Path log) {
        try {
            return Files.size(log) > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
