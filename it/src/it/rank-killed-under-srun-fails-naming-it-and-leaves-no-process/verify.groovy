def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
engines.verifyKilledRankNamed(basedir, 'srun')
true
