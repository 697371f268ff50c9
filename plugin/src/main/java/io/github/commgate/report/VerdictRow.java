package io.github.commgate.report;

import io.github.commgate.gate.PointVerdict;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the verdict table that the Markdown and HTML reports share, every cell already
 * written as text so the two formats cannot drift; {@code point} keeps the numbers behind it.
 */
public record VerdictRow(PointVerdict point, Map<VerdictColumn, String> cells) {

    public VerdictRow {
        cells = new EnumMap<>(cells);
    }

    /** The cell of a column; "" where the point has nothing to show there. */
    public String cell(VerdictColumn column) {
        return cells.getOrDefault(column, "");
    }

    public List<String> cells(List<VerdictColumn> columns) {
        return columns.stream().map(this::cell).toList();
    }
}
