def summary = new File(basedir, 'step-summary.md').text
def report = new File(basedir, 'target/commgate/report.md').text
assert summary.startsWith('## Unit tests\n\nall passed\n\n') : 'what earlier steps wrote stays'
assert summary == '## Unit tests\n\nall passed\n\n' + report + '\n'
assert report =~ /^## commgate \(summary-example\): (PASS|FAIL)\n\n\*\*(PASS|FAIL)\*\*: /
assert report =~ /\nStarted \d{4}-\d\d-\d\d \d\d:\d\d UTC, commit 0123abc on main, [0-9.]+ s; commgate \S+\n/
assert report.contains('| 256 KiB (seq 16) | shm-oneshot |')
def log = new File(basedir, 'build.log').text
assert log.contains('commgate: summary appended to step-summary.md (GITHUB_STEP_SUMMARY)')
true
