package io.github.commgate.report;

/** A results file that cannot be read back; the message is one line naming the file. */
public final class UnreadableResultsException extends Exception {

    public UnreadableResultsException(String message) {
        super(message);
    }
}
