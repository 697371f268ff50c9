package io.github.commgate.report;

import io.github.commgate.gate.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.md: the outcome in GitHub-flavoured Markdown, short enough for a job summary
 * ($GITHUB_STEP_SUMMARY) or a pull-request comment. A run that failed for an infrastructure
 * reason names it in the heading, the line a job summary shows first.
 */
final class GateMarkdown implements ReportFormat {

    static final String UPDATE_HINT = "Some points improved or have no baseline entry: run"
            + " `mvn commgate:update-baseline` to record them.";

    /** Characters that Markdown or the HTML it may contain would read as syntax. */
    private static final Pattern SYNTAX = Pattern.compile("[\\\\`*_\\[\\]<>|#~]");

    @Override
    public String fileName() {
        return "report.md";
    }

    @Override
    public String render(RunReport report) {
        Judgement judgement = report.judgementFor(this);
        List<String> lines = new ArrayList<>();
        lines.add("## commgate: " + judgement.statusWord() + judgement.runErrorSentence().map(e -> ": " + escape(e)).orElse(""));
        lines.add("");
        lines.add("**" + judgement.statusWord() + "**: " + escape(judgement.headline()));
        lines.add("");
        lines.add("- Machine: " + escape(report.machine()));
        lines.add("- Run: " + escape(report.runLine()));
        lines.add("- Baseline: " + escape(judgement.baselineSentence()));
        judgement.baselineRecorded().ifPresent(line -> lines.add("- Baseline recorded: " + escape(line)));
        lines.add("");
        table(judgement, lines);
        section("Violations", judgement.violations(), lines);
        section("Errors", judgement.errors(), lines);
        section("Skipped", judgement.skips(), lines);
        section("Warnings", judgement.warnings(), lines);
        if (judgement.suggestsUpdate()) {
            lines.add(UPDATE_HINT);
            lines.add("");
        }
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    private static void table(Judgement judgement, List<String> lines) {
        if (judgement.rows().isEmpty()) {
            return; // a run that failed before its first point: a table of headings says nothing
        }
        lines.add(tableRow(VerdictRows.HEADER.stream().map(GateMarkdown::escape).toList()));
        lines.add(tableRow(VerdictRows.NUMERIC.stream().map(numeric -> numeric ? "---:" : "---").toList()));
        for (VerdictRow row : judgement.rows()) {
            List<String> cells = new ArrayList<>(row.cells().stream().map(GateMarkdown::escape).toList());
            if (stopsTheBuild(row.point().verdict())) {
                cells.set(cells.size() - 1, "**" + cells.get(cells.size() - 1) + "**"); // stands out in a long table
            }
            lines.add(tableRow(cells));
        }
        lines.add("");
        if (judgement.anyNotSignificant()) {
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
