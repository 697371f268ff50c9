package io.github.commgate.report;

import static io.github.commgate.report.GateRuns.around;
import static io.github.commgate.report.GateRuns.environment;
import static io.github.commgate.report.GateRuns.measured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.result.RunResult;
import java.util.List;
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
        assertTrue(markdown.contains("| 0.25 MiB (seq 16) | shm-oneshot |  | 40.5 us |  |  |  |  | NOT COMPARABLE |"), markdown);
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
}
