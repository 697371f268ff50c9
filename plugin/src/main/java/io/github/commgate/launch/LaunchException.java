package io.github.commgate.launch;

/**
 * The workers could not produce a result: a rank failed to start, crashed, reported an error,
 * or the run timed out. The message names the rank and ends with the last lines of its log.
 */
public final class LaunchException extends Exception {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
