package io.github.commgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.CommunicatorDeclaration;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one list of communicators, and everything that must agree with it. */
class CommunicatorCatalogTest {

    @Test
    void eachBackendDeclaresItsCommunicatorsAndWhichRunByDefault() {
        assertEquals(List.of("shm-oneshot", "shm-twoshot"), CommunicatorCatalog.defaults(Backend.CPU));
        assertEquals(List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot", "custom-push", "symm-multimem"),
                CommunicatorCatalog.names(Backend.CUDA));
        assertEquals(List.of("nccl", "nccl-symm", "custom-oneshot", "custom-twoshot", "symm-twoshot", "custom-push"),
                CommunicatorCatalog.defaults(Backend.CUDA));
        assertEquals("nccl", CommunicatorCatalog.reference(List.of("custom-oneshot", "nccl")));
        assertThrows(IllegalArgumentException.class, () -> CommunicatorCatalog.registry(Backend.AUTO));
    }

    @Test
    void everyDeclarationBelongsToTheBackendThatDeclaresItAndNamesAreUnique() {
        for (Backend backend : List.of(Backend.CPU, Backend.CUDA)) {
            for (CommunicatorDeclaration declaration : CommunicatorCatalog.registry(backend).communicators()) {
                assertEquals(backend, declaration.backend(), declaration.name());
            }
        }
        List<String> all = Stream.of(Backend.CPU, Backend.CUDA).flatMap(b -> CommunicatorCatalog.names(b).stream()).toList();
        assertEquals(all.size(), all.stream().distinct().count(), all.toString());
    }

    /**
     * The Maven JVM validates cuda settings on machines without CUDA: reading the catalog must not
     * need JavaCPP at all, so it is read here through a class loader that has no JavaCPP jar.
     */
    @Test
    void theCatalogIsReadWithoutJavaCppOnTheClassPath() throws Exception {
        URL[] withoutJavaCpp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("bytedeco")).map(CommunicatorCatalogTest::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(withoutJavaCpp, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.bytedeco.javacpp.Loader", false, loader));
            Class<?> backend = Class.forName(Backend.class.getName(), true, loader);
            Object cuda = backend.getField("CUDA").get(null);
            Class<?> catalog = Class.forName(CommunicatorCatalog.class.getName(), true, loader);
            assertEquals(CommunicatorCatalog.defaults(Backend.CUDA), catalog.getMethod("defaults", backend).invoke(null, cuda));
        }
    }

    @Test
    void theDocsListTheDefaultsAndTheHelpTextWhatRunsOnlyWhenNamed() throws Exception {
        String cuda = String.join(",", CommunicatorCatalog.defaults(Backend.CUDA));
        String cpu = String.join(",", CommunicatorCatalog.defaults(Backend.CPU));
        String row = Files.readAllLines(Path.of("../docs/goals.md")).stream()
                .filter(line -> line.startsWith("| `communicators` |")).findFirst().orElseThrow();
        assertTrue(row.contains("cuda: `" + cuda + "`; cpu: `" + cpu + "`"), row);
        String help = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        for (Backend backend : List.of(Backend.CPU, Backend.CUDA)) {
            for (String name : CommunicatorCatalog.names(backend)) {
                if (!CommunicatorCatalog.defaults(backend).contains(name)) {
                    assertTrue(row.contains("`" + name + "` only when named"), name + " is said to run only when named");
                    assertTrue(help.contains("those that run only when named (" + name + ")"), "the help text names " + name);
                }
            }
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
