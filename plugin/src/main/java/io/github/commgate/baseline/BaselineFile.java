package io.github.commgate.baseline;

import io.github.commgate.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
     * Writes whole or not at all (see {@link AtomicFile}), so a reader, or a build killed
     * halfway, sees either the old baseline or the new one.
     */
    public static void write(Baseline baseline, Path file) throws IOException {
        AtomicFile.write(file, BaselineJson.text(baseline), AtomicFile.Readers.AS_BEFORE);
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
