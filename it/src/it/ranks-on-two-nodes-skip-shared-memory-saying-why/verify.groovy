import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/commgate/benchmark.json'))
assert json.points.size() == 2
json.points.each { p ->
    assert p.status == 'SKIPPED' : "${p.communicator}: ${p.status}"
    assert p.skip_reason == "${p.communicator} needs every rank on one node (its ranks share memory); this run's 4 ranks are on 2 nodes, 2 per node"
}
assert json.environment.node_count == '2'
assert json.environment.ranks_per_node == '2'
// Ranks on two nodes share no memory to time a barrier over.
assert json.environment.shm_barrier_ns == null
true
