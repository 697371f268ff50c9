package io.github.commgate.maven;

import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.RunSettings;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that say what starts the workers and where they find the coordinator
 * (docs/multi-node.md), shared by every goal that measures. Like the others they only become
 * settings here; plan.PlanValidator checks them.
 */
abstract class AbstractLaunchingMojo extends AbstractCommgateMojo {

    /**
     * What starts the workers: {@code local} (Maven forks one JVM per rank on this machine),
     * {@code mpirun} (Open MPI) or {@code srun} (Slurm), which start one worker JVM per rank on the
     * nodes they allocate; docs/multi-node.md shows each. Default {@code local}.
     * Example: {@code -Dcommgate.launcher=srun}.
     */
    @Parameter(property = "commgate.launcher", defaultValue = Defaults.LAUNCHER)
    private String launcher;

    /**
     * The engine's command for launcher mpirun or srun: a path, or a name looked up on the PATH.
     * Default: {@code mpirun} or {@code srun}. Example: {@code -Dcommgate.launcherExecutable=/opt/openmpi/bin/mpirun}.
     */
    @Parameter(property = "commgate.launcherExecutable")
    private String launcherExecutable;

    /**
     * Extra arguments of the engine, placed before the worker's command; commgate sets the rank
     * count from worldSize. Example for Open MPI as root on a small machine:
     * {@code &amp;lt;launcherArgs&amp;gt;&amp;lt;launcherArg&amp;gt;--allow-run-as-root&amp;lt;/launcherArg&amp;gt;&amp;lt;launcherArg&amp;gt;--oversubscribe&amp;lt;/launcherArg&amp;gt;&amp;lt;/launcherArgs&amp;gt;},
     * or {@code -Dcommgate.launcherArgs=--hostfile,hosts.txt}.
     */
    @Parameter(property = "commgate.launcherArgs")
    private List<String> launcherArgs;

    /**
     * The address the coordinator listens on and the workers connect to; it must be one of this
     * machine's. Default: loopback for launcher local; for mpirun and srun this machine's first
     * address that is not loopback (IPv4 first). Example: {@code -Dcommgate.coordinatorHost=10.0.0.5}.
     */
    @Parameter(property = "commgate.coordinatorHost")
    private String coordinatorHost;

    /** Adds what starts the workers, and where they find the coordinator, to the settings. */
    protected final void configureLaunch(RunSettings settings) {
        settings.launcher(launcher).launcherExecutable(launcherExecutable).launcherArgs(launcherArgs)
                .coordinatorHost(coordinatorHost);
    }
}
