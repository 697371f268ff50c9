def log = new File(basedir, 'build.log').text
assert log.contains('commgate: refusing to make the baseline slower beyond the threshold without a reason')
assert log.contains('-Dcommgate.reason=')
assert log =~ /\[ERROR\] commgate: shm-oneshot (256 KiB|1 MiB): /
def file = new File(basedir, 'src/commgate/baselines').listFiles()[0]
assert file.text == new File(basedir, 'baseline-before.json').text : 'a refused update must leave the baseline as it was'
true
