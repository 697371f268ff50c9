package io.github.commgate.comm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Element type of the all-reduced tensor, named as users write it in the pom. */
public enum DType {
    BF16("bf16", 2),
    FP16("fp16", 2),
    FP32("fp32", 4);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    public String label() {
        return label;
    }

    public int bytes() {
        return bytes;
    }

    public static Optional<DType> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.label.equals(wanted)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(DType::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
