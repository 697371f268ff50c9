def log = new File(basedir, 'build.log').text
assert log.contains('commgate: PASS: 2 points')
assert !log.contains('REGRESSED')
['results.json', 'report.md', 'report.html', 'TEST-commgate.xml'].each {
    assert new File(basedir, "target/commgate/${it}").isFile() : "missing ${it}"
}
true
