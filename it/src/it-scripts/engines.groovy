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

/** The scenarios that kill a rank run it through kill-rank-1.sh, kept here once and placed beside their pom. */
static void placeKillScript(File itScripts, File basedir) {
    File script = new File(basedir, 'kill-rank-1.sh')
    script.text = new File(itScripts, 'kill-rank-1.sh').text
    script.setExecutable(true)
}

/** A check and a 4-rank benchmark started by the engine, with the reports and logs a local run writes. */
static void verifyRunsAsLocalDoes(File basedir, String engine) {
    def log = new File(basedir, 'build.log').text
    def reports = new File(basedir, 'target/commgate')
    assert log =~ /commgate: 4 points on 2 ranks \(cpu backend, started by ${engine}, coordinator on [0-9a-f.:]+\)/
    assert log =~ /commgate: 4 points on 4 ranks \(cpu backend, started by ${engine}, coordinator on [0-9a-f.:]+\)/
    assert log =~ /first sample after \d+\.\d\d s \(fork \+ rendezvous\), total \d+\.\d s/
    assert log.contains('commgate: PASS: 4 points, 0 compared: 4 no baseline')
    assert log.contains('BUILD SUCCESS')

    // The check's reports, as a local run writes them, with the placement in the environment.
    def results = new groovy.json.JsonSlurper().parse(new File(reports, 'results.json'))
    assert results.world_size == 2
    everyPointMeasuredOn(results, 2)
    assert results.environment.launcher == engine
    assert results.environment.node_count == '1'
    assert results.environment.ranks_per_node == '2'
    assert results.gate.baseline.current_environment.nodes == 1
    assert results.gate.baseline.current_environment.ranks_per_node == 2
    ['report.md', 'report.html', 'TEST-commgate.xml'].each { assert new File(reports, it).isFile() : it }
    assert new File(reports, 'report.md').text.contains("1 node x 2 ranks, started by ${engine}")

    // The benchmark on 4 ranks: every point measured and correct on every rank.
    def json = new groovy.json.JsonSlurper().parse(new File(reports, 'benchmark-4.json'))
    assert json.world_size == 4
    everyPointMeasuredOn(json, 4)
    assert json.environment.ranks_per_node == '4'

    // One log per rank, and the engine's own.
    (0..3).each { assert new File(reports, "logs/rank-${it}.log").isFile() : "rank-${it}.log" }
    assert new File(reports, "logs/${engine}.log").isFile()
}

/** The run's 4 points measured and correct, each with a sample list from every one of {@code ranks} ranks. */
static void everyPointMeasuredOn(results, int ranks) {
    assert results.points.size() == 4
    results.points.each { p ->
        assert p.status == 'MEASURED' : "${p.communicator} ${p.sequence_length}: ${p.status}"
        assert p.rank_samples_us.size() == ranks
    }
}

/** Rank 1 killed by kill-rank-1.sh: named, the engine's exit and log shown, and no process of either rank left. */
static void verifyKilledRankNamed(File basedir, String engine) {
    def log = new File(basedir, 'build.log').text
    // The engine's own failure handling stops the others; commgate names the rank that died first.
    assert log =~ /commgate: rank 1 lost its connection to the coordinator/
    assert log =~ /\[ERROR\] ${engine} exited with code \d+/
    assert log.contains('last lines of ') && log.contains("logs/${engine}.log")
    assert log.contains('BUILD FAILURE')
    assert !log.contains('rank 0 lost its connection') : 'rank 0 was blamed for the death of rank 1'

    def pids = new File(basedir, 'pids.txt').readLines().findAll { it.trim() }
    assert pids.size() == 4 : "expected 2 ranks x (script + java), got ${pids}"
    // A rank's processes are the engine's children, not Maven's: once the engine has gone they are
    // reparented to init, which reaps them in its own time; a zombie has ended.
    def running = { String pid ->
        try {
            !(new File("/proc/${pid}/stat").text =~ /^\d+ \(.*\) [ZX] /)
        } catch (IOException gone) {
            false
        }
    }
    pids.each { pid ->
        assert !running(pid.trim()) : "process ${pid} outlived the build"
    }
}
