def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] commgate: no point was compared \(baseline src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json has none of the measured points\) and a baseline is required: 1 point, 0 compared: 1 no baseline/
assert log =~ /\[WARNING\] commgate: the measured point has no baseline entry \(shm-oneshot 0\.13 MiB\), so nothing was compared; record them with update-baseline/
assert log =~ /a candidate baseline from this run is in \S+baseline-candidate/
assert log.contains('BUILD FAILURE')
true
