def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
engines.verifyRunsAsLocalDoes(basedir, 'mpirun')
true
