package io.github.commgate.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second process for {@link MachineLockTest}: takes the machine lock of one device in a
 * directory under a project's name, says "held", and keeps it until its standard input closes.
 */
public final class HoldMachineLock {

    private HoldMachineLock() {
    }

    public static void main(String[] args) throws Exception {
        try (MachineLock lock = MachineLock.acquire(Path.of(args[0]), List.of(args[1]), args[2], Duration.ofSeconds(60),
                line -> System.err.println(line))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds until the test closes our input (or kills us).
            }
        }
    }
}
