package io.github.commgate.baseline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Where baselines live, and how they are read and written. */
public final class BaselineFile {

    private BaselineFile() {
    }

    /** One file per environment, named by its key, so runs on different hardware never share numbers. */
    public static Path forEnvironment(Path directory, EnvironmentKey key) {
        return directory.resolve(key.fileName());
    }

    /** @throws BaselineException naming the file and what is wrong, also when it does not exist */
    public static Baseline read(Path file) throws BaselineException {
        return readIfPresent(file).orElseThrow(() -> new BaselineException("baseline " + file + ": no such file"));
    }

    /** Empty when there is no such file: the environment has no baseline yet. */
    public static Optional<Baseline> readIfPresent(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new BaselineException("baseline " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new BaselineException("baseline " + file + ": cannot read: " + why(e), e);
        }
        return Optional.of(BaselineReader.read(file.toString(), text));
    }

    /**
     * Writes through a temporary file in the same directory and an atomic rename, so a reader,
     * or a build that is killed halfway, sees either the old baseline or the new one, whole.
     */
    public static void write(Baseline baseline, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, BaselineJson.text(baseline), StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file's text for a baseline, exactly as {@link #write} puts it on disk. */
    public static String text(Baseline baseline) {
        return BaselineJson.text(baseline);
    }
}
