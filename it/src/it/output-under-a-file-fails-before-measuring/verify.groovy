def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'afile').canonicalPath
assert log.contains("commgate: outputJson: ${file}/bench.json cannot be written: ${file} is a file, not a directory")
assert !log.contains(' on 2 ranks (cpu backend)') : 'nothing may be measured before the output is known to be writable'
assert !log.contains('Caused by') : 'a user mistake must not print a stack trace'
true
