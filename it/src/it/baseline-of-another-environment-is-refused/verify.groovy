def log = new File(basedir, 'build.log').text
assert log =~ /commgate: baseline \S*other-machine\.json was recorded on cpu backend on 2 CPUs \(Other Vendor CPU 9000\), world size 2, bf16, hidden size 8192, this run is cpu backend on \d+ CPUs \(.*\), world size 2, bf16, hidden size 8192; set allowEnvironmentMismatch to compare anyway/
assert !log.contains('REGRESSED')

// Compared anyway, at a size the other machine's baseline lacks: the candidate is named after
// this run's environment and belongs beside it, not over the other machine's file.
def candidates = new File(basedir, 'target/commgate/baseline-candidate').listFiles()
assert candidates.size() == 1
assert candidates[0].name ==~ /cpu-[a-z0-9-]+-ws2-bf16-h8192\.json/
assert log.contains("review it and copy it to src/commgate/baselines/${candidates[0].name}")
true
