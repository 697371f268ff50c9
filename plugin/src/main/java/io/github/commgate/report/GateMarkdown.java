package io.github.commgate.report;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.gate.GateOutcome;
import io.github.commgate.gate.Verdict;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.md: the outcome in GitHub-flavoured Markdown, short enough for a job summary
 * ($GITHUB_STEP_SUMMARY) or a pull-request comment.
 */
final class GateMarkdown {

    static final String UPDATE_HINT = "Some points improved or have no baseline entry: run"
            + " `mvn commgate:update-baseline` to record them.";

    /** Characters that Markdown or the HTML it may contain would read as syntax. */
    private static final Pattern SYNTAX = Pattern.compile("[\\\\`*_\\[\\]<>|#~]");

    private GateMarkdown() {
    }

    static String text(RunResult run, GateOutcome outcome, Optional<Baseline> baseline) {
        List<String> lines = new ArrayList<>();
        lines.add("## commgate: " + VerdictRows.statusWord(outcome.decision()));
        lines.add("");
        lines.add("**" + VerdictRows.statusWord(outcome.decision()) + "**: " + escape(outcome.headline()));
        lines.add("");
        lines.add("- Machine: " + escape(BenchmarkTable.machine(run)));
        lines.add("- Run: " + escape(runLine(run.plan())));
        lines.add("- Baseline: " + escape(outcome.environment().sentence()));
        baseline.ifPresent(b -> lines.add("- Baseline recorded: " + escape(recordedLine(b))));
        lines.add("");
        table(outcome, lines);
        section("Violations", outcome.violations(), lines);
        section("Errors", outcome.errors(), lines);
        section("Skipped", VerdictRows.skipSentences(outcome), lines);
        section("Warnings", outcome.warnings(), lines);
        if (VerdictRows.suggestsUpdate(outcome)) {
            lines.add(UPDATE_HINT);
            lines.add("");
        }
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    /** "cpu backend, world size 2, bf16, hidden size 8192; 5 warm-ups, 10 trials of 10 all-reduces". */
    static String runLine(BenchmarkPlan plan) {
        return String.format("%s backend, world size %d, %s, hidden size %d; %d warm-ups, %d trials of %d all-reduces",
                plan.backend().label(), plan.worldSize(), plan.dtype().label(), plan.hiddenSize(), plan.protocol().warmups(),
                plan.protocol().trials(), plan.protocol().cycles());
    }

    /** "2026-11-24T06:00:00Z by commgate 0.1.0 on ci-runner-1, commit 0123abc; reason: ...". */
    static String recordedLine(Baseline baseline) {
        Provenance provenance = baseline.provenance();
        StringBuilder line = new StringBuilder(provenance.recordedAt().toString())
                .append(" by commgate ").append(provenance.toolVersion());
        if (baseline.host() != null) {
            line.append(" on ").append(baseline.host());
        }
        if (provenance.gitCommit() != null) {
            line.append(", commit ").append(provenance.gitCommit());
        }
        if (baseline.reason() != null) {
            line.append("; reason: ").append(baseline.reason());
        }
        return line.toString();
    }

    private static void table(GateOutcome outcome, List<String> lines) {
        lines.add(tableRow(VerdictRows.HEADER.stream().map(GateMarkdown::escape).toList()));
        lines.add(tableRow(VerdictRows.NUMERIC.stream().map(numeric -> numeric ? "---:" : "---").toList()));
        for (VerdictRows.Row row : VerdictRows.of(outcome)) {
            List<String> cells = new ArrayList<>(row.cells().stream().map(GateMarkdown::escape).toList());
            if (stopsTheBuild(row.point().verdict())) {
                cells.set(cells.size() - 1, "**" + cells.get(cells.size() - 1) + "**"); // stands out in a long table
            }
            lines.add(tableRow(cells));
        }
        lines.add("");
        if (VerdictRows.anyNotSignificant(outcome)) {
            lines.add(escape(VerdictRows.NOT_SIGNIFICANT_NOTE));
            lines.add("");
        }
    }

    private static boolean stopsTheBuild(Verdict verdict) {
        return verdict == Verdict.REGRESSED || verdict == Verdict.INCORRECT || verdict == Verdict.ERROR;
    }

    private static String tableRow(List<String> escapedCells) {
        return String.join(" | ", escapedCells).transform(row -> "| " + row + " |");
    }

    private static void section(String title, List<String> sentences, List<String> lines) {
        if (sentences.isEmpty()) {
            return;
        }
        lines.add("### " + title);
        lines.add("");
        sentences.forEach(s -> lines.add("- " + escape(s)));
        lines.add("");
    }

    /**
     * Sentences come from data (skip reasons, worker errors, file names): backslash-escape what
     * would otherwise become emphasis, a link, a table border or raw HTML, and keep it on one line.
     */
    static String escape(String text) {
        String oneLine = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return SYNTAX.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }
}
