def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
tools.copyRecordedBaseline(basedir, 1.0)
true
