def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
// No machine has a 1 ns barrier, so this run's ranks are always "farther apart" than the baseline's.
// A sixth of the recorded times: over the 2x the placement rule needs, even when the recording ran under load.
tools.copyRecordedBaseline(basedir, 0.15, [:], [shm_barrier_ns: '1'])
true
