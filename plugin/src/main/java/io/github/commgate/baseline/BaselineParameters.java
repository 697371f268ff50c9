package io.github.commgate.baseline;

import java.util.List;

/** How a baseline was measured, so a reader of the file can tell whether a rerun matches it. */
public record BaselineParameters(int warmups, int trials, int cycles, List<Integer> sequenceLengths,
                                 List<String> communicators) {

    public BaselineParameters {
        sequenceLengths = List.copyOf(sequenceLengths);
        communicators = List.copyOf(communicators);
    }
}
