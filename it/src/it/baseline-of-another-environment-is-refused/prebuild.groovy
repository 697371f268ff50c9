def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
def copy = tools.copyRecordedBaseline(basedir, 1.0, [device: 'Other Vendor CPU 9000'])
copy.renameTo(new File(copy.parentFile, 'other-machine.json'))
true
