def files = new File(basedir, '../recorded-baseline').listFiles().findAll { it.name.endsWith('.json') }
assert files.size() == 1 : "expected one baseline, found ${files}"
def log = new File(basedir, 'build.log').text
assert log =~ /commgate: recorded \S*recorded-baseline\/cpu-[a-z0-9-]+-ws2-bf16-h8192\.json/
true
