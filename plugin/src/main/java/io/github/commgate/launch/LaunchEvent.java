package io.github.commgate.launch;

import io.github.commgate.result.RankPointResult;
import java.util.Map;

/** What the launcher's one loop reacts to: news from the coordinator and from the processes. */
sealed interface LaunchEvent {

    record RankConnected(int rank) implements LaunchEvent {
    }

    record PointReported(RankPointResult result) implements LaunchEvent {
    }

    record TimingReported(int rank, Map<String, Double> seconds) implements LaunchEvent {
    }

    record EnvironmentReported(int rank, Map<String, String> facts) implements LaunchEvent {
    }

    record RankFailed(int rank, String message, String detail) implements LaunchEvent {
    }

    record RankFinished(int rank) implements LaunchEvent {
    }

    /** The connection of a rank ended before it said it had finished. */
    record RankDisconnected(int rank, String why) implements LaunchEvent {
    }

    record RankExited(int rank, int exitCode) implements LaunchEvent {
    }

    /** The engine (mpirun, srun) that started every rank has exited, its output drained into the logs. */
    record LauncherExited(int exitCode) implements LaunchEvent {
    }

    /** An admitted rank spoke out of turn. */
    record ProtocolViolation(String what) implements LaunchEvent {
    }

    /** A connection turned away before it was admitted as a rank; the run goes on without it. */
    record PeerRefused(String address, String why) implements LaunchEvent {
    }
}
