package io.github.commgate.gate;

import java.util.List;

/**
 * An update the baseline must not take: it would make points slower without a reason, names a
 * communicator the run did not measure, or would record nothing. The first line says what was
 * refused; {@link #details()} lists the points concerned, one sentence each.
 */
public final class BaselineUpdateException extends Exception {

    private final List<String> details;

    public BaselineUpdateException(String summary, List<String> details) {
        super(details.isEmpty() ? summary : summary + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", details));
        this.details = List.copyOf(details);
    }

    public List<String> details() {
        return details;
    }
}
