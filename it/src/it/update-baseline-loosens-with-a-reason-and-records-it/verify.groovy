import groovy.json.JsonSlurper
def log = new File(basedir, 'build.log').text
assert log =~ /commgate: updated src\/commgate\/baselines\/cpu-[a-z0-9-]+\.json/
assert log =~ /commgate:   shm-oneshot (256 KiB|1 MiB): \d+\.\d us -> \d+\.\d us/
def file = new File(basedir, 'src/commgate/baselines').listFiles().find { it.name.endsWith('.json') }
def baseline = new JsonSlurper().parse(file)
assert baseline.reason == 'slower-on-purpose'
assert file.text != new File(basedir, 'baseline-before.json').text
assert !new File(file.parentFile, file.name + '.tmp').exists()
true
