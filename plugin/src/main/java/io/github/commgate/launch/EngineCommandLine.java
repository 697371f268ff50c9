package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import io.github.commgate.plan.LaunchPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The command that has an engine start every rank: the engine, its options, the user's
 * launcherArgs, then the worker's {@code java} command, the same for every rank. Built in one
 * pure place and tested, as the local worker's command is. Values of the environment never
 * appear here: the engine passes them from its own environment (mpirun's {@code -x NAME} takes
 * the value from there; srun passes its whole environment), so the run's secret stays off every
 * command line.
 */
final class EngineCommandLine {

    private EngineCommandLine() {
    }

    /**
     * @param exported the names of the variables every rank needs, which mpirun must be told to
     *                 pass to ranks on other nodes
     */
    static List<String> command(LaunchSettings settings, Backend backend, int worldSize, Collection<String> exported) {
        LaunchPlan launch = settings.launch();
        List<String> command = new ArrayList<>();
        command.add(launch.executable());
        switch (launch.launcher()) {
            case MPIRUN -> {
                command.add("-np");
                command.add(Integer.toString(worldSize));
                // Each line of a rank's output comes back as "[job,rank]<stdout>:line", for its own log.
                command.add("--tag-output");
                command.addAll(launch.arguments());
                exported.stream().sorted().forEach(name -> {
                    command.add("-x");
                    command.add(name);
                });
            }
            case SRUN -> {
                command.add("--ntasks=" + worldSize);
                // Slurm's own failure handling: one rank exiting with an error ends the step's others.
                command.add("--kill-on-bad-exit=1");
                // Each line of a rank's output comes back as "rank: line", for its own log.
                command.add("--label");
                // A site or an sbatch script may set SLURM_EXPORT_ENV=NONE; the ranks need commgate's variables.
                command.add("--export=ALL");
                command.addAll(launch.arguments());
            }
            case LOCAL -> throw new IllegalArgumentException("the local launcher forks each rank itself (WorkerCommandLine)");
        }
        command.addAll(WorkerCommandLine.command(settings, null, backend, ClassDataArchive.NONE));
        return command;
    }
}
