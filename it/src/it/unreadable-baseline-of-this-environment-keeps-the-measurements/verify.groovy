import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def baselines = new File(basedir, 'src/commgate/baselines').listFiles()
assert baselines.size() == 1
def name = baselines[0].name
def unreadable = /commgate: baseline \S*${java.util.regex.Pattern.quote(name)}: line \d+, column \d+: /
assert (log =~ unreadable).size() == 2 : 'both goals name the file, line and column'
assert !log.contains('\tat io.github.commgate') : 'a user mistake must not print a stack trace'

// check: the file is named after the environment the workers report, so it is read after the
// sweep; the reports say ERROR with the reason and keep what was measured.
def report = new File(basedir, 'target/commgate/report.md').text
assert report =~ /\*\*ERROR\*\*/
assert report.contains(name)
def results = new JsonSlurper().parse(new File(basedir, 'target/commgate/results.json'))
assert results.points*.communicator == ['shm-oneshot']
assert results.points.every { it.median_us > 0 }

// update-baseline: the runs are recorded into a candidate, the baseline is left as it was.
def candidate = new File(basedir, "target/commgate/baseline-candidate/${name}")
assert candidate.isFile()
assert log.contains("this run's measurements are recorded in ${candidate.path}")
def recorded = new JsonSlurper().parse(candidate)
assert recorded.points*.communicator == ['shm-oneshot'] && recorded.points.every { it.median_us > 0 }
assert baselines[0].text == new File(basedir, 'baseline-before.json').text
true
