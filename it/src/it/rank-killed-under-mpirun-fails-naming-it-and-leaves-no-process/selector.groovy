def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
return engines.mpirunAvailable(basedir.name)
