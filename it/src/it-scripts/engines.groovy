// Shared by the selector scripts of the scenarios that start ranks through an engine: whether
// mpirun (Open MPI) or a Slurm cluster is here, and if not, why the scenario is skipped, printed
// so that a skipped scenario is never mistaken for a passed one. .ci/run installs both and starts
// a one-node Slurm cluster (.ci/slurm-cluster).

/** Into the scenario's build.log, and onto the console of the build that runs the scenarios, where a skip shows. */
static void skipping(String scenario, String why) {
    String line = "[commgate-it] SKIPPED ${scenario}: ${why}"
    println line
    // The invoker captures System.out and System.err for the build.log; the process's own stderr is the console.
    new PrintStream(new FileOutputStream(FileDescriptor.err), true).println(line)
}

static String onPath(String command) {
    System.getenv('PATH').split(':').collect { new File(it, command) }.find { it.canExecute() }?.path
}

static boolean mpirunAvailable(String scenario) {
    if (onPath('mpirun') == null) {
        skipping(scenario, 'mpirun is not on the PATH (Debian: apt-get install openmpi-bin; .ci/run installs it)')
        return false
    }
    return true
}

static boolean slurmAvailable(String scenario) {
    if (onPath('srun') == null || onPath('sinfo') == null) {
        skipping(scenario, 'srun is not on the PATH (Debian: apt-get install slurm-wlm; .ci/run installs it)')
        return false
    }
    def sinfo = ['sinfo', '--noheader', '--responding', '--format=%T'].execute()
    def out = new StringBuilder(), err = new StringBuilder()
    sinfo.waitForProcessOutput(out, err)
    if (sinfo.exitValue() != 0 || !(out.toString() =~ /idle|mixed|allocated/)) {
        String said = (out.toString() + err.toString()).readLines().find { it.trim() } ?: 'nothing'
        skipping(scenario, "no Slurm cluster answers here (sinfo said: ${said.trim()}); .ci/run starts a one-node cluster (.ci/slurm-cluster)")
        return false
    }
    return true
}
