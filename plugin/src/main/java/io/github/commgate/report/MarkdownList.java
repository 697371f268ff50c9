package io.github.commgate.report;

import java.util.List;

/** A titled list of sentences in report.md, cut short where a sweep would make it run on. */
final class MarkdownList {

    /** More sentences than a reader of a comment goes through; report.html and results.json hold them all. */
    static final int MAX_ITEMS = 40;
    /** A sentence longer than this is a worker's log, which the HTML page and the build log show whole. */
    static final int MAX_SENTENCE = 1_000;

    private MarkdownList() {
    }

    static void section(String title, List<String> sentences, List<String> lines) {
        if (sentences.isEmpty()) {
            return;
        }
        lines.add("### " + title);
        lines.add("");
        sentences.stream().limit(MAX_ITEMS).forEach(s -> lines.add("- " + GateMarkdown.escape(shortened(s))));
        if (sentences.size() > MAX_ITEMS) {
            lines.add("- and " + (sentences.size() - MAX_ITEMS) + " more: see report.html or results.json");
        }
        lines.add("");
    }

    private static String shortened(String sentence) {
        return sentence.length() <= MAX_SENTENCE ? sentence : sentence.substring(0, MAX_SENTENCE) + " ...";
    }
}
