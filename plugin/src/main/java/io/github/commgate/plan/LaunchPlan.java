package io.github.commgate.plan;

import java.net.InetAddress;
import java.util.List;

/**
 * How a run's workers are started and where they find the coordinator, validated.
 *
 * @param executable      the engine's command (a path, or a name looked up on the PATH); null for local
 * @param arguments       the user's extra arguments of the engine, placed before the worker's command
 * @param coordinatorHost the address the coordinator listens on and the workers connect to
 */
public record LaunchPlan(Launcher launcher, String executable, List<String> arguments, InetAddress coordinatorHost) {

    public LaunchPlan {
        arguments = List.copyOf(arguments);
    }

    /** Today's default: commgate forks every rank, and the coordinator listens on loopback. */
    public static LaunchPlan local() {
        return new LaunchPlan(Launcher.LOCAL, null, List.of(), InetAddress.getLoopbackAddress());
    }
}
