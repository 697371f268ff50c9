def log = new File(basedir, 'build.log').text
def measured = (log =~ /commgate: 1 point on 2 ranks/).count
assert measured == 1 : "the machine must be measured once, not ${measured} times"
assert log.contains("commgate: benchmark measured this machine once for the build, in io.github.commgate.it:reactor-measures-once-and-modules-say-where; set -Dcommgate.perModule=true to measure in every module")
assert (log =~ /benchmark measured this machine once for the build/).count == 2
assert new File(basedir, 'target/commgate/benchmark.json').exists()
assert !new File(basedir, 'module-a/target/commgate/benchmark.json').exists()
assert log.contains('BUILD SUCCESS')
true
