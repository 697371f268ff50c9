def log = new File(basedir, 'build.log').text
assert log =~ /commgate: baseline \S*broken-baseline\.json: line 3, column \d+: /
assert !log.contains('\tat io.github.commgate') : 'a user mistake must not print a stack trace'
// The given baselineFile is read before any worker starts: a mistake in it costs no sweep.
assert !log.contains('all ranks connected') : 'measured before reading the baseline'
// An unreadable baseline is infrastructure: the reports say ERROR with the reason, none says PASS.
def report = new File(basedir, 'target/commgate/report.md').text
assert report =~ /\*\*ERROR\*\*/
assert report.contains('broken-baseline.json: line 3, column')
def junit = new File(basedir, 'target/commgate/TEST-commgate.xml').text
assert junit.contains('<error') || junit.contains('<failure')
true
