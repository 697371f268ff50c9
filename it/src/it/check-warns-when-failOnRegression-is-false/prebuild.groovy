def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
// A third of the recorded times, so the points regress even when the recording ran under more load
// than this check; and a barrier no machine takes, so the ranks are never "farther apart" than the
// baseline's and the placement rule leaves the verdict to the code.
tools.copyRecordedBaseline(basedir, 0.3, [:], [shm_barrier_ns: '1000000'])
true
