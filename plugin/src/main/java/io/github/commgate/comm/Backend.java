package io.github.commgate.comm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where the communicators run: host shared memory between worker JVMs, or GPUs. */
public enum Backend {
    /** cuda where an NVIDIA GPU is visible, cpu otherwise; see {@link #resolve}. */
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

    /** The backend this one means on a machine with {@code visibleGpus} GPUs. */
    public Backend resolve(int visibleGpus) {
        if (this != AUTO) {
            return this;
        }
        return visibleGpus > 0 ? CUDA : CPU;
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
