def scratch = new File(new File(basedir, 'scratch.txt').text.trim())
assert scratch.path.startsWith('/dev/shm/commgate-') : "unexpected scratch directory ${scratch}"
assert !scratch.exists() : "${scratch} outlived the interrupted build"

def maven = new File(basedir, 'maven.pid').text.trim()
assert !new File("/proc/${maven}").exists() : "Maven (pid ${maven}) is still running"

def pids = new File(basedir, 'pids.txt').readLines().findAll { it.trim() }
assert pids.size() == 2 : "expected 2 ranks, got ${pids}"
pids.each { pid ->
    assert !new File("/proc/${pid.trim()}").exists() : "worker ${pid} outlived the interrupted build"
}

def log = new File(basedir, 'build.log').text
assert log.contains('all ranks connected') : 'the build was interrupted before its ranks measured'
assert !log.contains('BUILD SUCCESS')
assert log.contains('commgate: the build was stopped (Ctrl-C or SIGTERM) while measuring; every rank was stopped and ' + scratch + ' removed')
assert !log.contains('exited with code') : 'an interrupted build must not blame a rank'
true
