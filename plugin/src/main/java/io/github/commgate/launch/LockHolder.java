package io.github.commgate.launch;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who holds a machine lock, as written into the lock file by the holder, so that a run waiting
 * for it can say whom it waits for. Two lines, {@code pid=} and {@code project=}.
 */
record LockHolder(long pid, String project) {

    static LockHolder thisProcess(String project) {
        return new LockHolder(ProcessHandle.current().pid(), project);
    }

    byte[] toBytes() {
        return ("pid=" + pid + "\nproject=" + project.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What a lock file says; null while a new holder has locked it but not yet written itself in. */
    static LockHolder parse(byte[] content) {
        Map<String, String> fields = new String(content, StandardCharsets.UTF_8).lines()
                .filter(line -> line.indexOf('=') > 0)
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (first, second) -> second));
        try {
            return new LockHolder(Long.parseLong(fields.getOrDefault("pid", "")), fields.getOrDefault("project", "?"));
        } catch (NumberFormatException unwritten) {
            return null;
        }
    }

    static String describe(LockHolder holder) {
        return holder == null ? "a run that has not yet written its name" : "pid " + holder.pid + " (project " + holder.project + ")";
    }
}
