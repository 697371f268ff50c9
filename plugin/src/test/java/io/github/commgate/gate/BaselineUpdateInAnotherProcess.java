package io.github.commgate.gate;

import static io.github.commgate.gate.Runs.around;
import static io.github.commgate.gate.Runs.measured;
import static io.github.commgate.gate.Runs.run;

import io.github.commgate.baseline.Baseline;
import io.github.commgate.baseline.BaselineFile;
import io.github.commgate.files.FileLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A second build updating a baseline, as a process of its own: it takes the file's lock, reads
 * the baseline, says "locked" on stdout, holds on for a while between reading and writing (the
 * window in which an unlocked update lost the other's change), then records its point.
 * Arguments: the baseline file, the communicator to record slower, the reason, milliseconds to hold.
 */
public final class BaselineUpdateInAnotherProcess {

    private BaselineUpdateInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (FileLock lock = FileLock.acquire(file, line -> { })) {
            Optional<Baseline> previous = BaselineFile.readIfPresent(file);
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[3]));
            BaselineUpdate update = new BaselineUpdate(Runs.TEN_PERCENT, Set.of(args[1]), args[2]);
            BaselineFile.write(update.apply(previous, List.of(run(List.of(measured(args[1], 128, around(900))))),
                    Runs.PROVENANCE).baseline(), file);
        }
    }
}
