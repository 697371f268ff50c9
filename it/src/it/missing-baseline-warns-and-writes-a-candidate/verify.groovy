def log = new File(basedir, 'build.log').text
assert log =~ /\[WARNING\] commgate: no baseline src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json for this environment; nothing was compared\. A candidate from this run is in \S+baseline-candidate\/cpu-[a-z0-9-]+\.json/
def candidates = new File(basedir, 'target/commgate/baseline-candidate').listFiles()
assert candidates.size() == 1
assert candidates[0].text.contains('"median_us"')
assert log.contains('BUILD SUCCESS')
true
