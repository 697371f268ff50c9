def tools = new GroovyShell().parse(new File(itScripts, 'baseline-tools.groovy'))
def copy = tools.copyRecordedBaseline(basedir, 0.5)
new File(basedir, 'baseline-before.json').text = copy.text
true
