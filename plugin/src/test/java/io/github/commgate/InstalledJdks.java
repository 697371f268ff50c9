package io.github.commgate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs installed beside the one running the tests (Debian's /usr/lib/jvm), found by the
 * {@code JAVA_VERSION} line of each one's {@code release} file, so a test can run a worker on a
 * newer JDK than the build's.
 */
public final class InstalledJdks {

    private static final Path ROOT = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private InstalledJdks() {
    }

    /** The {@code java} of the newest installed JDK of at least {@code feature}. */
    public static Optional<Path> javaOfAtLeast(int feature) {
        if (!Files.isDirectory(ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(ROOT)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureOf(home) >= feature)
                    .max(Comparator.comparingInt(InstalledJdks::featureOf))
                    .map(home -> home.resolve("bin/java"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureOf(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
