package io.github.commgate.plan;

import io.github.commgate.machine.HostAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks how the workers are to be started, adding one line per problem to the plan's list:
 * the launcher, its command and arguments, and the address the coordinator listens on.
 */
final class LaunchValidator {

    /** Options by which an engine's arguments would set the rank count, which commgate sets from worldSize. */
    private static final Map<Launcher, Set<String>> COUNT_OPTIONS = Map.of(
            Launcher.MPIRUN, Set.of("-np", "-n", "--np", "-c"),
            Launcher.SRUN, Set.of("-n", "--ntasks"));

    private final List<String> problems;

    LaunchValidator(List<String> problems) {
        this.problems = problems;
    }

    /** The launcher alone, so that the world size can be checked against it; null after a problem. */
    Launcher launcher(RunSettings s) {
        Launcher launcher = Launcher.parse(PlanValidator.orDefault(s.launcher, Defaults.LAUNCHER)).orElse(null);
        if (launcher == null) {
            problems.add(String.format("launcher: unknown launcher '%s'; valid: %s", s.launcher, Launcher.labels()));
        }
        return launcher;
    }

    LaunchPlan check(RunSettings s, Launcher launcher) {
        List<String> arguments = s.launcherArgs.stream().filter(a -> !PlanValidator.isBlank(a)).map(String::trim).toList();
        boolean named = !PlanValidator.isBlank(s.launcherExecutable);
        if (!launcher.isEngine()) {
            if (named) {
                problems.add(String.format("launcherExecutable: '%s' is for launcher mpirun or srun; launcher local forks the workers itself",
                        s.launcherExecutable));
            }
            if (!arguments.isEmpty()) {
                problems.add(String.format("launcherArgs: '%s' are for launcher mpirun or srun; launcher local forks the workers itself",
                        String.join(" ", arguments)));
            }
        }
        for (String argument : arguments) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (COUNT_OPTIONS.getOrDefault(launcher, Set.of()).contains(option)) {
                problems.add(String.format("launcherArgs: '%s' sets the number of ranks, which commgate sets from worldSize",
                        argument));
            }
        }
        String executable = launcher.isEngine() ? (named ? s.launcherExecutable.trim() : launcher.defaultExecutable()) : null;
        return new LaunchPlan(launcher, executable, arguments, coordinatorHost(s.coordinatorHost, launcher));
    }

    /** Loopback for local and the host's address for an engine, unless named; a named one must be this machine's. */
    private InetAddress coordinatorHost(String text, Launcher launcher) {
        if (PlanValidator.isBlank(text)) {
            return launcher.isEngine() ? HostAddresses.preferred() : InetAddress.getLoopbackAddress();
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(text.trim());
        } catch (UnknownHostException e) {
            problems.add(String.format("coordinatorHost: '%s' does not resolve to an address; this machine's addresses: %s",
                    text, HostAddresses.describeAll()));
            return InetAddress.getLoopbackAddress();
        }
        if (address.isAnyLocalAddress()) {
            problems.add(String.format("coordinatorHost: '%s' is the wildcard address, which gives the workers nothing to "
                    + "connect to; name one of this machine's addresses: %s", text, HostAddresses.describeAll()));
        } else if (!HostAddresses.isOwn(address)) {
            problems.add(String.format("coordinatorHost: '%s' (%s) is not an address of this machine, so the coordinator "
                    + "cannot listen on it; this machine's addresses: %s", text, HostAddresses.text(address),
                    HostAddresses.describeAll()));
        }
        // Loopback is allowed under an engine too: every rank may run on this node (a one-node allocation).
        return address;
    }
}
