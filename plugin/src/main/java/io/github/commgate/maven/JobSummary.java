package io.github.commgate.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * GitHub Actions' job summary: a step appends Markdown to the file that GITHUB_STEP_SUMMARY
 * names, and the run's page shows it (docs.github.com, "Adding a job summary"). The check goal
 * appends its report.md there by itself, so a workflow needs no step of its own for it.
 */
final class JobSummary {

    static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private JobSummary() {
    }

    /** Appends {@code markdown} where the environment names a summary file; a file that fails is a warning. */
    static void append(Log log, Map<String, String> environment, String markdown) {
        String name = environment.get(VARIABLE);
        if (name == null || name.isBlank()) {
            return;
        }
        Path file = Path.of(name);
        try {
            Files.writeString(file, markdown.endsWith("\n") ? markdown + "\n" : markdown + "\n\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            log.info("commgate: summary appended to " + file + " (" + VARIABLE + ")");
        } catch (IOException e) {
            log.warn("commgate: cannot append the summary to " + file + " (" + VARIABLE + "): " + e.getMessage());
        }
    }
}
