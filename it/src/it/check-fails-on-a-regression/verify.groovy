def log = new File(basedir, 'build.log').text
def sentence = /\[ERROR\] commgate: shm-oneshot (256 KiB|1 MiB): median \d+\.\d us, but expected at most \d+\.\d us \(baseline \d+\.\d us \+ 10 %\)/
assert log =~ sentence
assert log =~ /commgate: measuring \d suspect points? again \(1 of 1\)/
assert log =~ /Failed to execute goal .*check .*: commgate: \d of 2 points failed, 2 compared: .*regressed/
['results.json', 'report.md', 'report.html', 'TEST-commgate.xml'].each {
    assert new File(basedir, "target/commgate/${it}").text.contains('REGRESSED') : "${it} does not say REGRESSED"
}
true
