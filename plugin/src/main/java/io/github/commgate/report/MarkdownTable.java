package io.github.commgate.report;

import io.github.commgate.gate.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact verdict table of report.md. Where every row does not fit the characters left,
 * the rows that did not pass come first and passing ones fill what remains, in the run's order,
 * and a line says how many were left out; a reviewer needs the failures, not the hundredth pass.
 */
final class MarkdownTable {

    private MarkdownTable() {
    }

    /** The table's lines, at most {@code budget} characters with their line breaks, or none for a run without points. */
    static List<String> lines(Judgement judgement, boolean peakKnown, int budget) {
        List<VerdictRow> rows = judgement.rows();
        if (rows.isEmpty()) {
            return List.of(); // a run that failed before its first point: a table of headings says nothing
        }
        List<VerdictColumn> columns = VerdictColumn.compact(peakKnown);
        List<String> lines = new ArrayList<>();
        lines.add(row(columns.stream().map(c -> GateMarkdown.escape(c.heading)).toList()));
        lines.add(row(columns.stream().map(c -> c.numeric ? "---:" : "---").toList()));
        List<String> notes = new ArrayList<>();
        if (judgement.anyNotSignificant()) {
            notes.add(GateMarkdown.escape(VerdictRows.NOT_SIGNIFICANT_NOTE));
            notes.add("");
        }
        List<String> rendered = rows.stream().map(r -> row(cells(r, columns))).toList();
        String leftOutNote = "%d points are not shown here (%d of them passed), to keep this under GitHub's size limit:"
                + " report.html and results.json have every point";
        int left = budget - GateMarkdown.length(lines) - GateMarkdown.length(notes) - 2 * (leftOutNote.length() + 10);
        boolean[] shown = choose(rows, rendered, left);
        int hidden = 0;
        int hiddenPassing = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (shown[i]) {
                lines.add(rendered.get(i));
            } else {
                hidden++;
                hiddenPassing += rows.get(i).point().verdict() == Verdict.PASS ? 1 : 0;
            }
        }
        lines.add("");
        if (hidden > 0) {
            lines.add(String.format(leftOutNote, hidden, hiddenPassing));
            lines.add("");
        }
        lines.addAll(notes);
        return lines;
    }

    /** Which rows fit: those that did not pass first, then passing ones, each while characters remain. */
    private static boolean[] choose(List<VerdictRow> rows, List<String> rendered, int budget) {
        boolean[] shown = new boolean[rows.size()];
        int used = 0;
        for (boolean passing : new boolean[] {false, true}) {
            for (int i = 0; i < rows.size(); i++) {
                boolean passed = rows.get(i).point().verdict() == Verdict.PASS;
                if (passed == passing && used + rendered.get(i).length() + 1 <= budget) {
                    shown[i] = true;
                    used += rendered.get(i).length() + 1;
                }
            }
        }
        return shown;
    }

    private static List<String> cells(VerdictRow row, List<VerdictColumn> columns) {
        List<String> cells = new ArrayList<>(row.cells(columns).stream().map(GateMarkdown::escape).toList());
        int verdict = columns.indexOf(VerdictColumn.VERDICT);
        Verdict v = row.point().verdict();
        if (GateMarkdown.stopsTheBuild(v)) {
            cells.set(verdict, "**" + cells.get(verdict) + "**"); // stands out in a long table
        } else if (v == Verdict.IMPROVED) {
            cells.set(verdict, "_" + cells.get(verdict) + "_");
        }
        return cells;
    }

    private static String row(List<String> escapedCells) {
        return "| " + String.join(" | ", escapedCells) + " |";
    }
}
