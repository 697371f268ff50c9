import groovy.json.JsonSlurper

def histories = new File(basedir, 'target/commgate/history').listFiles().findAll { it.name.endsWith('.jsonl') }
assert histories.size() == 1 : "one history file for the one environment, found ${histories}"
assert histories[0].name ==~ /cpu-[a-z0-9-]+-ws2-bf16-h8192\.jsonl/
def runs = histories[0].readLines().collect { new JsonSlurper().parseText(it) }
assert runs.size() == 3
runs.each { run ->
    assert run.decision in ['PASS', 'FAIL'] : 'judged against the baseline (FAIL where a loaded runner slowed a point)'
    assert run.points*.communicator == ['shm-oneshot', 'shm-oneshot']
    assert run.points.every { it.verdict in ['PASS', 'IMPROVED', 'REGRESSED', 'NOT_COMPARABLE'] && it.median_us > 0 && it.limit_us > it.baseline_us }
}
assert runs*.started_at == runs*.started_at.sort() : 'appended oldest first'

def log = new File(basedir, 'build.log').text
assert log =~ /commgate: run 3 of the history \S+history\/cpu-[a-z0-9-]+\.jsonl/

// report.html: every trend chart has one marker per run and one line through them.
def xhtml = new GroovyShell().parse(new File(itScripts, 'xhtml.groovy'))
def html = xhtml.parse(new File(basedir, 'target/commgate/report.html'))
def charts = xhtml.all(html, 'svg', 'trend-chart')
assert charts*.getAttribute('aria-label') == ['shm-oneshot 256 KiB over the last runs', 'shm-oneshot 1 MiB over the last runs']
charts.each { chart ->
    assert xhtml.all(chart, 'circle').count { it.getAttribute('class').startsWith('run') } == 3
    assert xhtml.all(chart, 'polyline', 'median')[0].getAttribute('points').split(' ').size() == 3
}
assert xhtml.all(html, 'h2')*.textContent.contains('Trend of the last 3 runs')
true
