package io.github.commgate.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What starts the worker JVMs: commgate itself ({@code local}, every rank forked on the Maven
 * host), or a site's process engine, which starts one worker per rank on the nodes it allocates
 * and tells each its place through its own environment variables, named here.
 */
public enum Launcher {
    LOCAL("local", null, "COMMGATE_RANK", "COMMGATE_WORLD_SIZE", "COMMGATE_LOCAL_RANK"),
    /** Open MPI's mpirun (OMPI_COMM_WORLD_* are Open MPI's names; MPICH's mpiexec uses PMI_* instead). */
    MPIRUN("mpirun", "mpirun", "OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK"),
    /** Slurm's srun: in an allocation (sbatch, salloc) or making its own. */
    SRUN("srun", "srun", "SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID");

    private final String label;
    private final String executable;
    private final String rankVariable;
    private final String sizeVariable;
    private final String localRankVariable;

    Launcher(String label, String executable, String rankVariable, String sizeVariable, String localRankVariable) {
        this.label = label;
        this.executable = executable;
        this.rankVariable = rankVariable;
        this.sizeVariable = sizeVariable;
        this.localRankVariable = localRankVariable;
    }

    public String label() {
        return label;
    }

    /** True for mpirun and srun: the engine, not commgate, starts and places the ranks. */
    public boolean isEngine() {
        return this != LOCAL;
    }

    /** The engine's command when launcherExecutable names none, looked up on the PATH; null for local. */
    public String defaultExecutable() {
        return executable;
    }

    /** The variable in which a worker finds its rank (0 to world size - 1). */
    public String rankVariable() {
        return rankVariable;
    }

    /** The variable in which a worker finds how many ranks were started. */
    public String sizeVariable() {
        return sizeVariable;
    }

    /** The variable in which a worker finds its rank among those on its node (which picks its GPU). */
    public String localRankVariable() {
        return localRankVariable;
    }

    public static Optional<Launcher> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.label.equals(wanted)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(Launcher::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
