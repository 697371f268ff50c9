def log = new File(basedir, 'build.log').text
assert log.contains('This plugin has 5 goals:')
['benchmark', 'check', 'help', 'report', 'update-baseline'].each { assert log.contains("\ncommgate:${it}\n") : "goal ${it}" }

// The benchmark goal says how to run it, as a command that runs when copied.
def benchmark = log.substring(log.indexOf('\ncommgate:benchmark\n'), log.indexOf('\ncommgate:check\n')).replaceAll(/\s+/, ' ')
assert benchmark.contains(' mvn io.github.commgate:commgate-maven-plugin:benchmark -Dcommgate.sequenceLengths=16,64 runs ')

// Each parameter with its default and property; the examples keep their tags.
def check = log.substring(log.indexOf('\ncommgate:check\n'), log.indexOf('\ncommgate:help\n')).replaceAll(/\s+/, ' ')
assert check.contains('historyDirectory Where each run is appended for the trend in report.html')
assert check.contains('User property: commgate.historyDirectory')
assert check.contains('trials (Default: 50)')
assert check.contains('jvmArgs Extra JVM arguments of every worker, for example &lt;jvmArgs&gt;&lt;jvmArg&gt;-Xmx2g&lt;/jvmArg&gt;&lt;/jvmArgs&gt;.')
def report = log.substring(log.indexOf('\ncommgate:report\n'), log.indexOf('\ncommgate:update-baseline\n')).replaceAll(/\s+/, ' ')
assert report.contains('User property: commgate.results')
assert report.contains('trendRuns (Default: 30)')
true
