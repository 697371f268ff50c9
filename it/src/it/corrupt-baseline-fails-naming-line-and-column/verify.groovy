def log = new File(basedir, 'build.log').text
assert log =~ /commgate: baseline \S*broken-baseline\.json: line 3, column \d+: /
assert !log.contains('\tat io.github.commgate') : 'a user mistake must not print a stack trace'
true
