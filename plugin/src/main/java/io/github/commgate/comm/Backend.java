package io.github.commgate.comm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where the communicators run: host shared memory between worker JVMs, or GPUs. */
public enum Backend {
    /** CPU when no GPU backend is available; the only choice until the CUDA backend lands. */
    AUTO("auto"),
    CPU("cpu"),
    CUDA("cuda");

    private final String label;

    Backend(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Backend> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.label.equals(wanted)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(Backend::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
