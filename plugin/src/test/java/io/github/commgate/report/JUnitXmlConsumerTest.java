package io.github.commgate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEST-commgate.xml as a JUnit XML consumer reads it: maven-surefire-report-plugin's own parser,
 * which Jenkins' and GitLab's readers resemble. It must find every point, the failures and
 * skips where the gate put them, and each point's time as the wall time spent measuring it.
 * The parser groups test cases by class, as surefire writes a file per class: here one group
 * per communicator, and "commgate" for the run as a whole.
 */
class JUnitXmlConsumerTest {

    private static List<ReportTestSuite> parsed(RunReport report, Path directory) throws Exception {
        Path file = ReportFiles.write(directory.resolve("TEST-commgate.xml"), report, ReportFormats.JUNIT_XML);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> groups = parser.parse(file.toString());
        assertTrue(parser.isValid(), "the parser accepted " + Files.readString(file));
        return groups;
    }

    private static int sum(List<ReportTestSuite> groups, ToIntFunction<ReportTestSuite> count) {
        return groups.stream().mapToInt(count).sum();
    }

    private static List<ReportTestCase> cases(List<ReportTestSuite> groups) {
        return groups.stream().flatMap(g -> g.getTestCases().stream()).toList();
    }

    @Test
    void theParserFindsEveryPointTheFailuresAndTheSkipsAsTheGateJudgedThem(@TempDir Path directory) throws Exception {
        List<ReportTestSuite> groups = parsed(GateRuns.report(GateRuns.current()), directory);
        assertEquals(List.of("commgate.shm-oneshot", "commgate.shm-twoshot"), groups.stream().map(ReportTestSuite::getFullClassName)
                .toList());
        assertEquals(8, sum(groups, ReportTestSuite::getNumberOfTests));
        assertEquals(2, sum(groups, ReportTestSuite::getNumberOfFailures));
        assertEquals(0, sum(groups, ReportTestSuite::getNumberOfErrors));
        assertEquals(1, sum(groups, ReportTestSuite::getNumberOfSkipped));
        List<ReportTestCase> failed = cases(groups).stream().filter(ReportTestCase::hasFailure).toList();
        assertEquals(List.of("commgate.shm-oneshot 2 MiB (seq 128)", "commgate.shm-oneshot 64 MiB (seq 4096)"),
                failed.stream().map(c -> c.getFullClassName() + " " + c.getName()).toList());
        assertEquals("shm-oneshot 2 MiB: median 812.4 us, but expected at most 745.0 us (baseline 677.3 us + 10 %)",
                failed.get(0).getFailureMessage());
        assertEquals("REGRESSED", failed.get(0).getFailureType());
    }

    @Test
    void eachPointsDurationIsTheWallTimeSpentMeasuringIt(@TempDir Path directory) throws Exception {
        Map<String, Float> times = new LinkedHashMap<>();
        cases(parsed(GateRuns.report(GateRuns.current()), directory)).forEach(c -> times.put(c.getFullName(), c.getTime()));
        assertEquals(Map.of("commgate.shm-oneshot.256 KiB (seq 16)", 0.016f, "commgate.shm-oneshot.2 MiB (seq 128)", 0.128f,
                "commgate.shm-oneshot.16 MiB (seq 1024)", 1.024f, "commgate.shm-oneshot.64 MiB (seq 4096)", 4.096f,
                "commgate.shm-twoshot.256 KiB (seq 16)", 0.016f, "commgate.shm-twoshot.2 MiB (seq 128)", 0.128f,
                "commgate.shm-twoshot.16 MiB (seq 1024)", 1.024f, "commgate.shm-twoshot.64 MiB (seq 4096)", 0.002f), times);
    }

    @Test
    void aRunThatFailedForAnInfrastructureReasonReadsAsOneErrorBesideWhatItMeasured(@TempDir Path directory) throws Exception {
        RunReport failed = RunReport.failed(GateRuns.current(), FailedRunReportTest.REASON, GateRuns.TOOL_VERSION);
        List<ReportTestSuite> groups = parsed(failed, directory);
        ReportTestCase run = cases(groups).stream().filter(c -> c.getName().equals("run")).findFirst().orElseThrow();
        assertTrue(run.hasError());
        assertEquals("rank 1 exited with code 1 before it connected to the coordinator", run.getFailureMessage());
        assertEquals(1 + 6, sum(groups, ReportTestSuite::getNumberOfErrors), "the run, and every measured point not judged");
    }
}
