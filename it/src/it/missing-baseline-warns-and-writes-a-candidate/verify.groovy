def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] commgate: no baseline src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json for this environment \(cpu backend on .+?\); nothing was compared: record one with update-baseline/
assert log =~ /\[WARNING\] commgate: a candidate baseline from this run is in \S+baseline-candidate\/cpu-[a-z0-9-]+\.json: review it and copy it to src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json, or run mvn commgate:update-baseline/
assert log.contains('commgate: PASS: 2 points, 0 compared: 2 no baseline')
def candidates = new File(basedir, 'target/commgate/baseline-candidate').listFiles()
assert candidates.size() == 1
assert candidates[0].text.contains('"median_us"')
assert log.contains('BUILD SUCCESS')
true
