package io.github.commgate.baseline;

import io.github.commgate.comm.MeasuringProtocol;
import java.util.List;

/** How a baseline was measured, so a reader of the file can tell whether a rerun matches it. */
public record BaselineParameters(MeasuringProtocol protocol, List<Integer> sequenceLengths, List<String> communicators) {

    public BaselineParameters {
        sequenceLengths = List.copyOf(sequenceLengths);
        communicators = List.copyOf(communicators);
    }
}
