import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Measured again: the round configured, then the 3 added while the ranks stay farther apart.
assert log =~ /commgate: measuring 2 suspect points again \(1 of 1\)/
assert log.contains("commgate: measuring 2 suspect points again (4, added because the machine was not in the baseline's state; at most 4)")
assert !(log =~ /again \(5/)
assert log =~ /\[WARNING\] commgate: the ranks' CPUs were farther apart than when the baseline was recorded \(a shared-memory barrier between the ranks took \d+ ns, \d+\.\dx the 1 ns of the baseline; a virtual machine's host moves its CPUs\): 2 points over their limits were not judged \(shm-oneshot 0\.25 MiB, shm-oneshot 1\.00 MiB\)/
assert log.contains('commgate: PASS: 2 points, 0 compared: 2 not comparable')
assert log.contains('BUILD SUCCESS')
def results = new JsonSlurper().parse(new File(basedir, 'target/commgate/results.json'))
assert results.gate.points*.verdict == ['NOT_COMPARABLE', 'NOT_COMPARABLE']
assert results.gate.points.every { it.sentence.contains('not compared: over ') && it.sentence.contains('the ranks\' CPUs were farther apart') }
assert (results.environment.shm_barrier_ns as long) > 2
true
