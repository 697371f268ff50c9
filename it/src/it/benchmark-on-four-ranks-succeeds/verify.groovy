import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('commgate benchmark: backend cpu, world size 4, fp32, hidden size 20')
def json = new JsonSlurper().parse(new File(basedir, 'target/commgate/benchmark.json'))
assert json.world_size == 4
assert json.points.size() == 4
json.points.each { p ->
    assert p.status == 'MEASURED' : "${p.communicator} ${p.sequence_length}: ${p.status}"
    assert p.rank_samples_us.size() == 4
}
(0..3).each { assert new File(basedir, "target/commgate/logs/rank-${it}.log").exists() }
true
