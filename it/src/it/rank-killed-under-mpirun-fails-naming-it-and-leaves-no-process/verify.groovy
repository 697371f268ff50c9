def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
engines.verifyKilledRankNamed(basedir, 'mpirun')
true
