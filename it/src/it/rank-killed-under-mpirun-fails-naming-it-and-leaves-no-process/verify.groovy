def log = new File(basedir, 'build.log').text
// The engine's own failure handling stops the others; commgate names the rank that died first.
assert log =~ /commgate: rank 1 lost its connection to the coordinator/
assert log =~ /\[ERROR\] mpirun exited with code \d+/
assert log.contains('last lines of ') && log.contains('logs/mpirun.log')
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
true
