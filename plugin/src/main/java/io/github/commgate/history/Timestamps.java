package io.github.commgate.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as people read them in reports: to the minute, in UTC, which every CI log also uses. */
public final class Timestamps {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** "2026-11-24 06:00 UTC". */
    public static String readable(Instant instant) {
        return MINUTES.format(instant);
    }

    /** "11-24 06:00": a chart's axis label, where the year and the zone are said once. */
    public static String compact(Instant instant) {
        return SHORT.format(instant);
    }
}
