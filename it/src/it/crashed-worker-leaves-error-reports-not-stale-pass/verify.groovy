import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/commgate')
def reason = /rank \d exited with code 1 before it connected to the coordinator/

// The first build passed; the second failed naming the rank, as ever.
assert log.contains('commgate: PASS: 1 point, 0 compared: 1 no baseline')
assert log =~ reason
assert log.contains('BUILD FAILURE')

// Every report is the failed run's: ERROR with the reason, and nothing of the run that passed.
def markdown = new File(reports, 'report.md').text
assert markdown.readLines()[0] =~ /^## commgate: ERROR: rank \d exited with code 1 before it connected to the coordinator$/
assert markdown.contains("Unrecognized VM option 'CommgateNoSuchOption'")
assert !markdown.contains('PASS')

def junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reports, 'TEST-commgate.xml'))
def suite = junit.documentElement
assert [suite.getAttribute('tests'), suite.getAttribute('failures'), suite.getAttribute('errors')] == ['1', '0', '1']
def errors = junit.getElementsByTagName('error')
assert errors.length == 1
def error = errors.item(0)
assert error.parentNode.getAttribute('name') == 'run'
assert error.getAttribute('type') == 'ERROR'
assert error.getAttribute('message') =~ reason
assert error.textContent.contains("Unrecognized VM option 'CommgateNoSuchOption'")
def properties = junit.getElementsByTagName('property')
def decision = (0..<properties.length).collect { properties.item(it) }.find { it.getAttribute('name') == 'commgate.decision' }
assert decision.getAttribute('value') == 'ERROR'

def results = new JsonSlurper().parse(new File(reports, 'results.json'))
assert results.gate.decision == 'ERROR'
assert results.gate.run_error =~ reason
assert results.points.isEmpty() && results.gate.points.isEmpty()

def html = new File(reports, 'report.html').text
assert html.contains('<title>commgate: ERROR</title>')
assert !html.contains('<span class="status PASS">')

def leftovers = reports.listFiles().findAll { it.name.endsWith('.tmp') }
assert leftovers.isEmpty() : "half-written reports left: ${leftovers}"
true
