def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
return engines.slurmAvailable(basedir.name)
