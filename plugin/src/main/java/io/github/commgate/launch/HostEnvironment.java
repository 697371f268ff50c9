package io.github.commgate.launch;

import io.github.commgate.plan.VisibleGpus;
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
        environment.put("java_version", System.getProperty("java.version"));
        environment.put("java_vendor", System.getProperty("java.vendor"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        environment.put("arch", System.getProperty("os.arch"));
        environment.put("cpu_model", cpuModel());
        environment.put("cpu_count", Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put("host", hostName());
        VisibleGpus.detect().driver().ifPresent(driver -> environment.put("driver", driver));
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
