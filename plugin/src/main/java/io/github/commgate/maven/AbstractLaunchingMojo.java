package io.github.commgate.maven;

import io.github.commgate.launch.LaunchSettings;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.RunPlan;
import io.github.commgate.plan.RunSettings;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters that say what starts the workers, how (their JVM, its arguments and
 * environment), for how long, and where they find the coordinator (docs/multi-node.md), shared
 * by every goal that measures. Like the others they only become
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

    /** Seconds one run may take, from forking the workers to their exit; then every worker is stopped. */
    @Parameter(property = "commgate.timeout", defaultValue = "" + Defaults.TIMEOUT_SECONDS)
    private int timeout;

    /**
     * Seconds to wait for another commgate run measuring on the same backend and devices of this
     * machine (another module under -T, another CI job on the runner) before failing: runs on one
     * machine measure each other's load, so they take turns through a lock file per device in the
     * system temp directory. Not part of timeout; 0 fails at once. Example: {@code -Dcommgate.lockTimeout=1800}.
     */
    @Parameter(property = "commgate.lockTimeout", defaultValue = "" + Defaults.LOCK_TIMEOUT_SECONDS)
    private int lockTimeout;

    /** Extra JVM arguments of every worker, for example {@code &amp;lt;jvmArgs&amp;gt;&amp;lt;jvmArg&amp;gt;-Xmx2g&amp;lt;/jvmArg&amp;gt;&amp;lt;/jvmArgs&amp;gt;}. */
    @Parameter(property = "commgate.jvmArgs")
    private List<String> jvmArgs;

    /** Extra environment variables of every worker, for example {@code &amp;lt;NCCL_DEBUG&amp;gt;INFO&amp;lt;/NCCL_DEBUG&amp;gt;}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** The {@code java} executable of the workers. Default: the one running Maven. */
    @Parameter(property = "commgate.javaExecutable")
    private File javaExecutable;

    /** Adds what starts the workers, how long they may take, and where they find the coordinator, to the settings. */
    protected final void configureLaunch(RunSettings settings) {
        settings.timeoutSeconds(timeout).lockTimeoutSeconds(lockTimeout).launcher(launcher)
                .launcherExecutable(launcherExecutable).launcherArgs(launcherArgs).coordinatorHost(coordinatorHost);
    }

    /** How this goal's workers are started, for {@code plan}'s run of {@code project}. */
    protected final LaunchSettings launchSettings(RunPlan plan, String project) {
        return new LaunchSettings(Measurement.java(javaExecutable), jvmArgs == null ? List.of() : jvmArgs,
                environmentVariables == null ? Map.of() : environmentVariables, Measurement.classpath(plugin()),
                outputDirectory().resolve("logs"), plan.timeout(), plan.lockTimeout(), project, plan.launch());
    }
}
