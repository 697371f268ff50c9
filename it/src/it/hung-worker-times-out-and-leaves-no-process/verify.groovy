def log = new File(basedir, 'build.log').text
assert log.contains('commgate: the run timed out after 3 s (timeout) with 0 of 2 points measured; every rank was stopped')
assert log.contains('rank 0 had not connected to the coordinator')
assert log.contains('rank 1 had not connected to the coordinator')
def pids = new File(basedir, 'pids.txt').readLines().findAll { it.trim() }
assert pids.size() == 4 : "expected 2 ranks x (script + sleep), got ${pids}"
pids.each { pid ->
    assert !new File("/proc/${pid.trim()}").exists() : "process ${pid} outlived the build"
}
true
