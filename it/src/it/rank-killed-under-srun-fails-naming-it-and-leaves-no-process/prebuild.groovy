// The kill script is shared with the other engine's scenario (it-scripts/kill-rank-1.sh).
def engines = new GroovyShell().parse(new File(itScripts, 'engines.groovy'))
engines.placeKillScript(new File(itScripts), basedir)
true
