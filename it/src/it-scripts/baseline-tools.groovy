// Shared by the gate scenarios' prebuild scripts: copies the baseline that setup-record-a-baseline
// recorded on this machine into a scenario, optionally with every median and sample scaled, its
// environment key changed, or facts of its environment changed.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

static File copyRecordedBaseline(File basedir, double scale, Map keyChanges = [:], Map environmentChanges = [:]) {
    File recorded = new File(basedir, '../recorded-baseline').listFiles().find { it.name.endsWith('.json') }
    def baseline = new JsonSlurper().parse(recorded)
    baseline.points.each { point ->
        point.median_us = point.median_us * scale
        point.samples_us = point.samples_us.collect { it * scale }
    }
    keyChanges.each { k, v -> baseline.key[k] = v }
    environmentChanges.each { k, v -> baseline.environment[k] = v }
    File target = new File(basedir, 'src/commgate/baselines/' + recorded.name)
    target.parentFile.mkdirs()
    target.text = JsonOutput.prettyPrint(JsonOutput.toJson(baseline)) + '\n'
    return target
}
