package io.github.commgate.baseline;

/**
 * A baseline file that cannot be used. The message is one line that names the file and what is
 * wrong with it, ready to show a user without a stack trace.
 */
public final class BaselineException extends Exception {

    public BaselineException(String message) {
        super(message);
    }

    public BaselineException(String message, Throwable cause) {
        super(message, cause);
    }
}
