package io.github.commgate.result;

import java.util.Locale;

/**
 * How sizes and latencies are written wherever a person reads them (console, reports,
 * sentences), so that the same point reads the same everywhere. Machine formats (JSON, XML
 * attributes meant for tools) keep raw numbers instead.
 */
public final class Units {

    private static final double MIB = 1024.0 * 1024.0;

    private Units() {
    }

    /** "2.00 MiB": a tensor size as every table and sentence shows it. */
    public static String size(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / MIB);
    }

    /** "shm-oneshot 2.00 MiB": how a point is named in every sentence. */
    public static String pointLabel(String communicator, long bytes) {
        return communicator + " " + size(bytes);
    }
}
