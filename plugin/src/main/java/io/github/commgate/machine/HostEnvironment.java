package io.github.commgate.machine;

import io.github.commgate.machine.VisibleGpus;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What identifies the machine a CPU run measured: the JVM, the OS and the processor. */
public final class HostEnvironment {

    private HostEnvironment() {
    }

    public static Map<String, String> describe() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(MachineFacts.JAVA_VERSION, System.getProperty("java.version"));
        environment.put(MachineFacts.JAVA_VENDOR, System.getProperty("java.vendor"));
        environment.put(MachineFacts.OS, System.getProperty("os.name") + " " + System.getProperty("os.version"));
        environment.put(MachineFacts.ARCH, System.getProperty("os.arch"));
        environment.put(MachineFacts.CPU_MODEL, cpuModel());
        environment.put(MachineFacts.CPU_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put(MachineFacts.HOST, hostName());
        VisibleGpus.detect().driver().ifPresent(driver -> environment.put(MachineFacts.DRIVER, driver));
        return environment;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** This machine's name, as a rank reports its node; "unknown" where it cannot be told. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
