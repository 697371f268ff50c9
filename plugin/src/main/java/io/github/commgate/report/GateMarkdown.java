package io.github.commgate.report;

import io.github.commgate.gate.Verdict;
import io.github.commgate.history.Trend;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.md: the outcome in GitHub-flavoured Markdown for a job summary ($GITHUB_STEP_SUMMARY)
 * or a pull-request comment. The verdict comes first, then what failed, then a compact table,
 * then the details; a run that failed for an infrastructure reason names it in the heading, the
 * line a job summary shows first. The whole stays under {@link #MAX_CHARACTERS}, below GitHub's
 * limit for a comment, however large the sweep: passing rows and long lists give way first.
 */
final class GateMarkdown implements ReportFormat {

    static final String UPDATE_HINT = "Some points improved or have no baseline entry: run"
            + " `mvn commgate:update-baseline` to record them.";
    /** GitHub refuses a comment body over 65,536 characters; this leaves room for a recipe's own line or two. */
    static final int MAX_CHARACTERS = 60_000;

    /** Characters that Markdown or the HTML it may contain would read as syntax. */
    private static final Pattern SYNTAX = Pattern.compile("[\\\\`*_\\[\\]<>|#~]");

    @Override
    public String fileName() {
        return "report.md";
    }

    @Override
    public String render(RunReport report) {
        Judgement judgement = report.judgementFor(this);
        List<String> head = new ArrayList<>();
        String project = report.origin().project().isEmpty() ? "" : " (" + escape(report.origin().project()) + ")";
        head.add("## commgate" + project + ": " + judgement.statusWord()
                + judgement.runErrorSentence().map(e -> ": " + escape(e)).orElse(""));
        head.add("");
        head.add("**" + judgement.statusWord() + "**: " + escape(judgement.headline()));
        head.add("");
        head.add("Started " + escape(report.startedLine()) + "; commgate " + escape(report.toolVersion()));
        head.add("");
        MarkdownList.section("Violations", judgement.violations(), head);
        MarkdownList.section("Errors", judgement.errors(), head);
        MarkdownList.section("Creeping up", report.trend().map(Trend::creeping).orElse(List.of()), head);
        List<String> tail = new ArrayList<>();
        MarkdownList.section("Skipped", judgement.skips(), tail);
        MarkdownList.section("Warnings", judgement.warnings(), tail);
        details(report, judgement, tail);
        if (judgement.suggestsUpdate()) {
            tail.add(UPDATE_HINT);
            tail.add("");
        }
        int tableBudget = MAX_CHARACTERS - length(head) - length(tail);
        List<String> lines = new ArrayList<>(head);
        lines.addAll(MarkdownTable.lines(judgement, PeakBandwidth.of(report.run()).isPresent(), tableBudget));
        lines.addAll(tail);
        return String.join("\n", lines).stripTrailing() + "\n";
    }

    /** Folded, as a reviewer rarely needs them and a comment should open on the verdict. */
    private static void details(RunReport report, Judgement judgement, List<String> lines) {
        lines.add("<details><summary>Machine, run and baseline</summary>");
        lines.add("");
        lines.add("- Machine: " + escape(report.machine()));
        lines.add("- Run: " + escape(report.runLine()));
        PeakBandwidth.of(report.run()).ifPresent(peak -> lines.add("- Peak: " + escape(peak.sentence())));
        lines.add("- Baseline: " + escape(judgement.baselineSentence()));
        judgement.baselineRecorded().ifPresent(line -> lines.add("- Baseline recorded: " + escape(line)));
        lines.add("");
        lines.add("</details>");
        lines.add("");
    }

    static boolean stopsTheBuild(Verdict verdict) {
        return verdict == Verdict.REGRESSED || verdict == Verdict.INCORRECT || verdict == Verdict.ERROR;
    }

    /** Characters the lines take once joined, line breaks included. */
    static int length(List<String> lines) {
        return lines.stream().mapToInt(l -> l.length() + 1).sum();
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
