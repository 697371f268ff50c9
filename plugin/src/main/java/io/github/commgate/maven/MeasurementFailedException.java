package io.github.commgate.maven;

import io.github.commgate.result.RunResult;
import org.apache.maven.plugin.MojoExecutionException;

/** The workers failed: the message says why, and {@link #measuredSoFar()} holds the points finished before. */
final class MeasurementFailedException extends MojoExecutionException {

    private final transient RunResult measuredSoFar;

    MeasurementFailedException(String message, RunResult measuredSoFar) {
        super(message);
        this.measuredSoFar = measuredSoFar;
    }

    RunResult measuredSoFar() {
        return measuredSoFar;
    }
}
