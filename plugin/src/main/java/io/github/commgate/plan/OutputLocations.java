package io.github.commgate.plan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, before any worker starts, that every file a goal will write can be written: a
 * measurement of minutes must not end in "cannot write". The check creates the missing
 * directories (the goal would create them anyway) and a file in each, removed at once, because
 * only writing tells a read-only mount from a writable one, even for root.
 */
public final class OutputLocations {

    private OutputLocations() {
    }

    /** @param files by the parameter that names each (e.g. "outputJson"), the files the goal will write */
    public static void check(Map<String, Path> files) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        files.forEach((parameter, file) -> problem(parameter, file.toAbsolutePath().normalize()).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private static Optional<String> problem(String parameter, Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of(parameter + ": " + file + " is a directory; name a file");
        }
        Path directory = file.getParent();
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                return Optional.of(parameter + ": " + file + " cannot be written: " + ancestor
                        + " is a file, not a directory");
            }
        }
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".commgate-probe", ".tmp"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(parameter + ": " + file + " cannot be written: " + why(e));
        }
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied in " + denied.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
