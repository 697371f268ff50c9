def log = new File(basedir, 'build.log').text
assert log =~ /commgate: baseline \S*other-machine\.json was recorded on cpu backend on 2 CPUs \(Other Vendor CPU 9000\), world size 2, bf16, hidden size 8192, this run is cpu backend on \d+ CPUs \(.*\), world size 2, bf16, hidden size 8192; set allowEnvironmentMismatch to compare anyway/
assert !log.contains('REGRESSED')
true
