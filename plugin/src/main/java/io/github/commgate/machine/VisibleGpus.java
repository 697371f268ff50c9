package io.github.commgate.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The NVIDIA GPUs this process may use, found without loading any CUDA library (the Maven JVM
 * must never load native CUDA code): the driver's /proc entries or device files, narrowed by
 * CUDA_VISIBLE_DEVICES as the CUDA runtime would narrow them.
 *
 * @param count  GPUs a worker can select with cudaSetDevice
 * @param driver the kernel driver's version, or empty
 * @param seen   what was looked at, for messages when no GPU is there
 */
public record VisibleGpus(int count, Optional<String> driver, String seen) {

    private static final Pattern DRIVER = Pattern.compile("Kernel Module.*?\\s(\\d+\\.\\d+(?:\\.\\d+)?)\\s");

    public static VisibleGpus none(String seen) {
        return new VisibleGpus(0, Optional.empty(), seen);
    }

    public static VisibleGpus detect() {
        return detect(Path.of("/proc/driver/nvidia"), Path.of("/dev"), System.getenv("CUDA_VISIBLE_DEVICES"));
    }

    static VisibleGpus detect(Path procDriver, Path dev, String cudaVisibleDevices) {
        int installed = countEntries(procDriver.resolve("gpus"), name -> true);
        if (installed == 0) {
            installed = countEntries(dev, name -> name.matches("nvidia\\d+"));
        }
        int visible = Math.min(installed, visibleBy(cudaVisibleDevices, installed));
        String seen = String.format("%d NVIDIA GPU%s installed, CUDA_VISIBLE_DEVICES=%s", installed, installed == 1 ? "" : "s",
                cudaVisibleDevices == null ? "(unset)" : "'" + cudaVisibleDevices + "'");
        return new VisibleGpus(visible, driverVersion(procDriver.resolve("version")), seen);
    }

    /** CUDA stops at the first entry that is not a device; an empty value hides every GPU. */
    static int visibleBy(String cudaVisibleDevices, int installed) {
        if (cudaVisibleDevices == null) {
            return installed;
        }
        int count = 0;
        for (String entry : cudaVisibleDevices.split(",", -1)) {
            String device = entry.trim();
            if (device.isEmpty() || device.startsWith("-") || !(device.matches("\\d+") || device.startsWith("GPU-") || device.startsWith("MIG-"))) {
                break;
            }
            count++;
        }
        return count;
    }

    private static int countEntries(Path directory, java.util.function.Predicate<String> wanted) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return (int) entries.map(p -> p.getFileName().toString()).filter(wanted).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Optional<String> driverVersion(Path versionFile) {
        try {
            Matcher matcher = DRIVER.matcher(Files.readString(versionFile));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
