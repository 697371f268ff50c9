// Shared by the selector scripts of the scenarios that start ranks through an engine: whether
// mpirun (Open MPI) or a Slurm cluster is here, and if not, why the scenario is skipped, printed
// so that a skipped scenario is never mistaken for a passed one. .ci/run installs both and starts
// a one-node Slurm cluster (.ci/slurm-cluster).

static String onPath(String command) {
    System.getenv('PATH').split(':').collect { new File(it, command) }.find { it.canExecute() }?.path
}

static boolean mpirunAvailable(String scenario) {
    if (onPath('mpirun') == null) {
        println "[commgate-it] SKIPPED ${scenario}: mpirun is not on the PATH (Debian: apt-get install openmpi-bin; .ci/run installs it)"
        return false
    }
    return true
}

static boolean slurmAvailable(String scenario) {
    if (onPath('srun') == null || onPath('sinfo') == null) {
        println "[commgate-it] SKIPPED ${scenario}: srun is not on the PATH (Debian: apt-get install slurm-wlm; .ci/run installs it)"
        return false
    }
    def sinfo = ['sinfo', '--noheader', '--responding', '--format=%T'].execute()
    def out = new StringBuilder(), err = new StringBuilder()
    sinfo.waitForProcessOutput(out, err)
    if (sinfo.exitValue() != 0 || !(out.toString() =~ /idle|mixed|allocated/)) {
        println "[commgate-it] SKIPPED ${scenario}: no Slurm cluster answers here (sinfo: ${(out.toString() + err.toString()).trim()}); " +
                '.ci/run starts a one-node cluster with .ci/slurm-cluster start'
        return false
    }
    return true
}
