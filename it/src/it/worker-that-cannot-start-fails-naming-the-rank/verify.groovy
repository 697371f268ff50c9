def log = new File(basedir, 'build.log').text
assert log =~ /commgate: rank \d exited with code 1 before it connected to the coordinator/
assert log.contains("Unrecognized VM option 'CommgateNoSuchOption'")
assert log =~ /last lines of .*target\/commgate\/logs\/rank-\d\.log/
assert !log.contains('Caused by') : 'a user mistake must not print a stack trace'
true
