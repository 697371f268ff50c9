package io.github.commgate.gate;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineException;
import io.github.commgate.baseline.BaselineFile;
import io.github.commgate.baseline.Provenance;
import io.github.commgate.files.FileLock;
import io.github.commgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An update of a baseline file from read to write under one lock, so that two builds updating
 * it at once (different communicators, say) take turns: the second waits, says so, and merges
 * its points onto what the first wrote, keeping both changes and both reasons.
 */
public final class BaselineFileUpdate {

    /** The update's result, and whether there was a baseline before it. */
    public record Written(BaselineUpdate.Result result, boolean replaced) {
    }

    private BaselineFileUpdate() {
    }

    /** @param waiting told, while another build holds the file, that this one waits and how long it has */
    public static Written apply(BaselineUpdate update, Path file, List<RunResult> runs, Provenance provenance,
                                Consumer<String> waiting) throws IOException, BaselineException, BaselineUpdateException {
        try (FileLock lock = FileLock.acquire(file, waiting)) {
            Optional<Baseline> previous = BaselineFile.readIfPresent(file);
            BaselineUpdate.Result result = update.apply(previous, runs, provenance);
            BaselineFile.write(result.baseline(), file);
            return new Written(result, previous.isPresent());
        }
    }
}
