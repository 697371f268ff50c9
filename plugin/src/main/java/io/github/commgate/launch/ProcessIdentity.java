package io.github.commgate.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process told apart from any later one that reuses its pid: the pid and when it started. On
 * Linux the start is field 22 of /proc/PID/stat (clock ticks since boot, see proc(5)), which no
 * change of the wall clock moves; elsewhere the JDK's start instant.
 */
record ProcessIdentity(long pid, String start) {

    static ProcessIdentity current() {
        return of(ProcessHandle.current().pid()).orElseThrow();
    }

    /** The process now running as {@code pid}; empty when none is. */
    static Optional<ProcessIdentity> of(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        String start = ticksSinceBoot(pid).map(ticks -> "ticks:" + ticks)
                .or(() -> handle.get().info().startInstant().map(instant -> "epoch-ms:" + instant.toEpochMilli()))
                .orElse("unknown");
        return Optional.of(new ProcessIdentity(pid, start));
    }

    /** True while this very process runs; a start that cannot be read counts as running, to be safe. */
    boolean isRunning() {
        return of(pid).map(now -> now.start.equals(start) || now.start.equals("unknown") || start.equals("unknown"))
                .orElse(false);
    }

    private static Optional<Long> ticksSinceBoot(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses; fields count from its end.
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(after[22 - 3]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
