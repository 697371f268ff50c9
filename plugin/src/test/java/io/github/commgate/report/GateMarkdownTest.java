package io.github.commgate.report;

import static io.github.commgate.report.GateRuns.around;
import static io.github.commgate.report.GateRuns.environment;
import static io.github.commgate.report.GateRuns.measured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.gate.Gate;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Runs;
import io.github.commgate.result.PointResult;
import io.github.commgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateMarkdownTest {

    @Test
    void markdownSyntaxInDataIsEscapedAndKeptOnOneLine() {
        assertEquals("a\\|b \\*c\\* \\<d\\> \\_e\\_ \\[f\\](g) h i", GateMarkdown.escape("a|b *c* <d> _e_ [f](g) h\ni"));
    }

    @Test
    void aRunAgainstAnotherMachinesBaselineSaysNotComparableAndSuggestsNoUpdateOfNothing() {
        RunResult run = GateRuns.run(environment("AMD EPYC 9654"), List.of(
                measured("shm-oneshot", 16, around(40.5, 0.1)), measured("shm-twoshot", 16, around(80, 0.5))));
        String markdown = ReportFormats.MARKDOWN.render(GateRuns.report(run));
        assertTrue(markdown.startsWith("## commgate: NOT COMPARABLE\n"), markdown);
        assertTrue(markdown.contains("| 256 KiB (seq 16) | shm-oneshot |  | 40.5 us | 0.55 us |  |  |  | NOT COMPARABLE |"), markdown);
        assertFalse(markdown.contains("update-baseline"), markdown);
    }

    @Test
    void aPassingRunWithAnImprovementPassesAndSuggestsUpdatingTheBaseline() {
        RunResult run = GateRuns.run(environment(GateRuns.XEON), List.of(
                measured("shm-oneshot", 16, around(40.5, 0.1)), measured("shm-twoshot", 16, around(60, 0.5))));
        String markdown = ReportFormats.MARKDOWN.render(GateRuns.report(run));
        assertTrue(markdown.startsWith("## commgate: PASS\n\n**PASS**: 2 points, 2 compared: 1 pass, 1 improved\n"), markdown);
        assertTrue(markdown.endsWith(GateMarkdown.UPDATE_HINT + "\n"), markdown);
        assertFalse(markdown.contains("### Violations"), markdown);
    }

    @Test
    void aSweepOfThousandsOfPointsStaysUnderGithubsCommentLimitWithItsFailuresFirstAndSaysWhatItLeftOut() {
        List<PointResult> points = new ArrayList<>();
        for (int size = 1; size <= 1500; size++) {
            points.add(measured("shm-oneshot", size, around(40.5, 0.1)));
            points.add(measured("shm-twoshot", size, around(80, 0.5)));
        }
        RunResult recorded = GateRuns.run(environment(GateRuns.XEON), points);
        points.set(2999, measured("shm-twoshot", 1500, around(120, 0.5)));
        RunResult run = GateRuns.run(environment(GateRuns.XEON), points);
        GateOutcome outcome = new Gate(Runs.TEN_PERCENT, false, false).evaluate(run, Runs.baselineOf(recorded), "cpu.json");
        String markdown = ReportFormats.MARKDOWN.render(RunReport.judged(run, outcome, Optional.empty(), "0.0.0-test"));
        assertTrue(markdown.length() <= GateMarkdown.MAX_CHARACTERS, "length " + markdown.length());
        assertTrue(markdown.contains("### Violations\n\n- shm-twoshot 23.4 MiB: median 120.0 us, but expected at most"), markdown);
        assertTrue(markdown.contains("| 23.4 MiB (seq 1500) | shm-twoshot | 80.0 us | 120.0 us |"), "the failing row is in the table");
        assertTrue(markdown.matches("(?s).*\n\\d+ points are not shown here \\(\\d+ of them passed\\), to keep this under GitHub's size"
                + " limit: report.html and results.json have every point\n.*"), markdown.substring(markdown.length() - 2000));
    }

    @Test
    void theDetailsAreFoldedAtTheEndAndTheProjectAndCommitAreNamedUpFront() {
        String markdown = ReportFormats.MARKDOWN.render(GateRuns.report(GateRuns.current()).withOrigin(GateRuns.ORIGIN));
        List<String> lines = markdown.lines().toList();
        assertEquals("## commgate (example): FAIL", lines.get(0));
        assertEquals("Started 2026-11-24 06:00 UTC, commit 0123abc on main, 10.0 s; commgate 0.0.0-test", lines.get(4));
        assertTrue(markdown.indexOf("### Violations") < markdown.indexOf("| Size |"), "the failures before the table");
        assertTrue(markdown.indexOf("<details><summary>Machine, run and baseline</summary>") > markdown.indexOf("| Size |"));
    }

    @Test
    void withAHistoryThePointsCreepingUpAreNamedBeforeTheTable() {
        String markdown = ReportFormats.MARKDOWN.render(GateRuns.report(GateRuns.current()).withTrend(TrendChartsTest.trend()));
        assertTrue(markdown.contains("### Creeping up\n\n- shm-twoshot 2 MiB: creeping up, +8.0 % over the last 9 runs (200.0 us to"
                + " 216.0 us on the Theil-Sen line); its limit allows +10.0 %\n"), markdown);
        assertTrue(markdown.indexOf("### Creeping up") < markdown.indexOf("| Size |"));
    }
}
