import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('commgate benchmark: backend cpu, world size 2, bf16, hidden size 8192')
assert log =~ /Tensor Shape\s+Tensor Size\s+shm-oneshot\s+shm-twoshot\s+Best \(speedup vs shm-oneshot\)/
assert log =~ /\(8, 8192\)\s+128 KiB\s+\d+\.\d us\s+\d+\.\d us\s+shm-(oneshot|twoshot) \(\d+\.\d\dx\)/
assert log.contains('Bus bandwidth, GB/s')
assert log =~ /\[6\/6\] shm-twoshot \(8, 8192\) 128 KiB: \d+\.\d us; 100 % done, \d+ s elapsed\n/
assert log =~ /first sample after \d+\.\d\d s \(fork \+ rendezvous\), total \d+\.\d s/

def json = new JsonSlurper().parse(new File(basedir, 'target/commgate/benchmark.json'))
assert json.world_size == 2
assert json.sequence_lengths == [1, 3, 8]
assert json.points.size() == 6
json.points.each { p ->
    assert p.status == 'MEASURED' : "${p.communicator} ${p.sequence_length}: ${p.status}"
    assert p.rank_samples_us.size() == 2
    assert p.rank_samples_us.every { it.size() == 10 }
    assert p.samples_us.size() == 10
    assert p.median_us > 0
}
assert json.results['8'].timings.keySet() == ['shm-oneshot', 'shm-twoshot'] as Set
assert new File(basedir, 'target/commgate/logs/rank-0.log').exists()
assert new File(basedir, 'target/commgate/logs/rank-1.log').exists()
true
