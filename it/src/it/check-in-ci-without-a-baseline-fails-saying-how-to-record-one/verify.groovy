def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] commgate: no point was compared \(no baseline src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json for this environment \(cpu backend on .+?\)\) and a baseline is required: 2 points, 0 compared: 2 no baseline/
assert log =~ /\[WARNING\] commgate: a candidate baseline from this run is in \S+baseline-candidate\/cpu-[a-z0-9-]+\.json: review it and copy it to src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json, or run mvn commgate:update-baseline/
assert new File(basedir, 'target/commgate/baseline-candidate').listFiles().size() == 1
assert log.contains('BUILD FAILURE')
assert !log.contains('Caused by') : 'a missing baseline is no crash'
true
