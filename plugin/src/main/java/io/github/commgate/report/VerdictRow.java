package io.github.commgate.report;

import io.github.commgate.gate.PointVerdict;
import java.util.List;

/**
 * One point of the verdict table that the Markdown and HTML reports share, every cell already
 * written as text so the two formats cannot drift; {@code point} keeps the numbers behind it.
 */
public record VerdictRow(PointVerdict point, String size, String communicator, String baseline, String current,
                         String delta, String limit, String detectable, String pValue, String verdict) {

    public List<String> cells() {
        return List.of(size, communicator, baseline, current, delta, limit, detectable, pValue, verdict);
    }
}
