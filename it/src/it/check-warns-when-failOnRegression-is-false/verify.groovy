def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] commgate: shm-oneshot (256 KiB|1 MiB): median \d+\.\d us, but expected at most \d+\.\d us \(baseline \d+\.\d us \+ 10 %\)/
assert log =~ /\[WARNING\] commgate: \d of 2 points failed, 2 compared: .* \(failOnRegression is false: the build goes on\)/
assert log.contains('BUILD SUCCESS')
true
