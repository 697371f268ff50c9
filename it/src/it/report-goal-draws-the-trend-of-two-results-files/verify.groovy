def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] commgate: -Dcommgate.trendRun sets no commgate parameter and is ignored; did you mean commgate.trendRuns?')
assert log.contains("commgate: cpu-intel-xeon-platinum-8481c-2cpus-ws2-bf16-h8192: 2 runs")
assert log =~ /commgate: trend of 2 runs in 1 environment from 2 inputs in \S+target\/commgate\/trend\.html/

def xhtml = new GroovyShell().parse(new File(itScripts, 'xhtml.groovy'))
def page = xhtml.parse(new File(basedir, 'target/commgate/trend.html'))
assert xhtml.all(page, 'h2')[0].textContent.startsWith('cpu backend on 2 CPUs (Intel(R) Xeon(R) Platinum 8481C')
assert xhtml.all(page, 'p', 'headline')[0].textContent ==
        '2 runs from 2026-11-24 06:00 UTC to 2026-11-25 06:00 UTC, 2 of them failed; 0 creeping up, 0 level steps'
def charts = xhtml.all(page, 'svg', 'trend-chart')
assert charts.size() == 8 : 'one chart per (communicator, size) of the runs'
def oneshot = charts.find { it.getAttribute('aria-label') == 'shm-oneshot 256 KiB over the last runs' }
def runs = xhtml.all(oneshot, 'circle')
assert runs*.getAttribute('class') == ['run failed-run', 'run failed-run'] : 'both runs failed (each has a regression)'
assert runs[1].textContent.startsWith('2026-11-25 06:00 UTC, commit 4242424 on main: median 41.8 us')
true
