package io.github.commgate.plan;

import java.util.List;

/** Settings a run cannot start with; each problem is one line naming the parameter and value. */
public final class InvalidSettingsException extends Exception {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
