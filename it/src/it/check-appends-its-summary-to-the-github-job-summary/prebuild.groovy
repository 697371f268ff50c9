def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
tools.copyRecordedBaseline(basedir, 1.0)
// What an earlier step of the job wrote; the check must add to it, not replace it.
new File(basedir, 'step-summary.md').text = '## Unit tests\n\nall passed\n\n'
true
