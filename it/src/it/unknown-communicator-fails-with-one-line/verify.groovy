def log = new File(basedir, 'build.log').text
assert log.contains("unknown-communicator-fails-with-one-line: commgate: communicators: unknown communicator 'shm-bogus'; valid for backend cpu: shm-oneshot, shm-twoshot")
assert !log.contains('\tat io.github.commgate') : 'a user mistake must not print a stack trace'
assert !new File(basedir, 'target/commgate/logs').exists() : 'no worker may start on a bad configuration'
true
