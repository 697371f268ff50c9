import java.time.Duration;
import java.time.Instant;
import org.bytedeco.javacpp.Loader;

/**
 * How long a worker's JavaCPP loading takes, apart from everything else: the presets commgate
 * loads (CUDA runtime and driver API, NCCL, NVML), each timed, the cache directory's state named.
 * Loading fails on a machine without libcuda.so.1 or libnccl.so.2, after JavaCPP has done its
 * own part (finding and extracting its JNI libraries), which is what this measures there.
 *
 *   java -cp "$(ls ~/.m2/repository/org/bytedeco/{javacpp,cuda}/*\/*.jar | tr '\n' :)" \
 *       [-Dorg.bytedeco.javacpp.cachedir=/tmp/empty-cache] bench/JavacppLoadProbe.java
 */
public final class JavacppLoadProbe {

    public static void main(String[] args) throws Exception {
        long main = System.nanoTime();
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        System.out.printf("JVM start to main (incl. compiling this file): %d ms%n", Duration.between(jvmStart, Instant.now()).toMillis());
        time("Loader class", () -> Loader.getPlatform());
        System.out.println("cache directory: " + Loader.getCacheDir());
        for (String preset : new String[] {"org.bytedeco.cuda.global.cudart", "org.bytedeco.cuda.global.nccl",
                "org.bytedeco.cuda.global.nvml"}) {
            time("Loader.load(" + preset.substring(preset.lastIndexOf('.') + 1) + ")", () -> Loader.load(Class.forName(preset)));
        }
        System.out.printf("all: %d ms%n", (System.nanoTime() - main) / 1_000_000);
    }

    interface Step {
        Object run() throws Exception;
    }

    private static void time(String what, Step step) {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = String.valueOf(step.run());
        } catch (Throwable t) {
            Throwable cause = t;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            outcome = "failed: " + cause;
        }
        System.out.printf("%-28s %6d ms  %s%n", what, (System.nanoTime() - start) / 1_000_000,
                outcome.length() > 140 ? outcome.substring(0, 140) + "..." : outcome);
    }
}
