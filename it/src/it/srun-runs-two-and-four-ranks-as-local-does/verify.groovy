import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/commgate')
assert log =~ /commgate: 4 points on 2 ranks \(cpu backend, started by srun, coordinator on [0-9a-f.:]+\)/
assert log =~ /commgate: 4 points on 4 ranks \(cpu backend, started by srun, coordinator on [0-9a-f.:]+\)/
assert log =~ /first sample after \d+\.\d\d s \(fork \+ rendezvous\), total \d+\.\d s/
assert log.contains('commgate: PASS: 4 points, 0 compared: 4 no baseline')
assert log.contains('BUILD SUCCESS')

// The check's reports, as a local run writes them, with the placement in the environment.
def results = new JsonSlurper().parse(new File(reports, 'results.json'))
assert results.world_size == 2
assert results.points.size() == 4
results.points.each { p ->
    assert p.status == 'MEASURED' : "${p.communicator} ${p.sequence_length}: ${p.status}"
    assert p.rank_samples_us.size() == 2
}
assert results.environment.launcher == 'srun'
assert results.environment.node_count == '1'
assert results.environment.ranks_per_node == '2'
assert results.gate.baseline.current_environment.nodes == 1
assert results.gate.baseline.current_environment.ranks_per_node == 2
['report.md', 'report.html', 'TEST-commgate.xml'].each { assert new File(reports, it).isFile() : it }
assert new File(reports, 'report.md').text.contains('1 node x 2 ranks, started by srun')

// The benchmark on 4 ranks: every point measured and correct on every rank.
def json = new JsonSlurper().parse(new File(reports, 'benchmark-4.json'))
assert json.world_size == 4
assert json.points.size() == 4
json.points.each { p ->
    assert p.status == 'MEASURED' : "${p.communicator} ${p.sequence_length}: ${p.status}"
    assert p.rank_samples_us.size() == 4
}
assert json.environment.ranks_per_node == '4'

// One log per rank, and the engine's own.
(0..3).each { assert new File(reports, "logs/rank-${it}.log").isFile() : "rank-${it}.log" }
assert new File(reports, 'logs/srun.log').isFile()
true
