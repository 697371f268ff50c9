package io.github.commgate.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisibleGpusTest {

    @TempDir
    Path root;

    private int machines;

    private VisibleGpus detect(int gpus, String cudaVisibleDevices) throws IOException {
        Path proc = root.resolve("machine-" + machines++).resolve("proc");
        for (int i = 0; i < gpus; i++) {
            Files.createDirectories(proc.resolve("gpus/0000:0" + i + ":00.0"));
        }
        Files.createDirectories(proc);
        Files.writeString(proc.resolve("version"), "NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.159.04  Release Build\n");
        return VisibleGpus.detect(proc, root.resolve("dev"), cudaVisibleDevices);
    }

    @Test
    void countsTheDriversGpusAndReadsItsVersion() throws IOException {
        VisibleGpus gpus = detect(4, null);
        assertEquals(4, gpus.count());
        assertEquals(Optional.of("580.159.04"), gpus.driver());
        assertEquals("4 NVIDIA GPUs installed, CUDA_VISIBLE_DEVICES=(unset)", gpus.seen());
    }

    @Test
    void cudaVisibleDevicesNarrowsTheCountAsTheRuntimeWould() throws IOException {
        assertEquals(2, detect(8, "3,5").count());
        assertEquals(0, detect(8, "").count());
        assertEquals(1, detect(8, "2,-1,3").count());
        assertEquals(2, detect(2, "0,1,2,3").count());
        assertEquals(1, detect(2, "GPU-8f3a").count());
    }

    @Test
    void readsTheVersionOfTheOpenKernelModuleToo() throws IOException {
        Path proc = Files.createDirectories(root.resolve("open/proc"));
        Files.writeString(proc.resolve("version"),
                "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build  (dvs-builder@U22)\n");
        assertEquals(Optional.of("580.159.04"), VisibleGpus.detect(proc, root.resolve("dev"), null).driver());
    }

    @Test
    void aMachineWithoutTheDriverHasNoGpu() {
        VisibleGpus gpus = VisibleGpus.detect(root.resolve("nothing"), root.resolve("nodev"), null);
        assertEquals(0, gpus.count());
        assertEquals(Optional.empty(), gpus.driver());
    }

    @Test
    void deviceFilesCountWhenProcIsAbsent() throws IOException {
        Path dev = Files.createDirectories(root.resolve("dev"));
        Files.createFile(dev.resolve("nvidia0"));
        Files.createFile(dev.resolve("nvidia1"));
        Files.createFile(dev.resolve("nvidiactl"));
        assertEquals(2, VisibleGpus.detect(root.resolve("noproc"), dev, null).count());
    }
}
