package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.commgate.comm.CommunicatorDeclaration;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Needs no GPU: the fatbin of the commgate-native jar on the class path holds every kernel the
 * communicators of this package look up, and the ABI record this host expects, in every cubin.
 * The kernel names come from the {@link KernelFamily} constants the communicator classes declare,
 * so the native build keeps no list of its own.
 */
class KernelFatbinTest {

    private static List<FatbinImage.Cubin> cubins;

    @BeforeAll
    static void readFatbin() throws IOException {
        byte[] fatbin = FatbinImage.resource();
        assumeTrue(fatbin != null, "the commgate-native jar was built without nvcc");
        cubins = FatbinImage.cubins(fatbin);
    }

    @Test
    void everyArchitectureTheBuildTargetsHasACubin() {
        assertEquals(Set.of(80, 90, 100), new TreeSet<>(cubins.stream().map(FatbinImage.Cubin::architecture).toList()));
    }

    @Test
    void everyKernelACommunicatorLooksUpIsInEveryCubin() throws Exception {
        List<KernelFamily> families = declaredFamilies();
        for (FatbinImage.Cubin cubin : cubins) {
            for (KernelFamily family : families) {
                for (String kernel : family.kernels()) {
                    FatbinImage.Symbol symbol = cubin.symbols().get(kernel);
                    assertNotNull(symbol, "the sm_" + cubin.architecture() + " cubin lacks kernel " + kernel);
                    assertEquals(FatbinImage.STT_FUNC, symbol.type(), kernel + " is not a function");
                }
            }
        }
    }

    @Test
    void everyCubinCarriesTheAbiRecordThisHostExpects() throws CudaException {
        byte[] first = abiRecord(cubins.get(0));
        KernelAbi abi = KernelAbi.decode(first);
        assertEquals(KernelAbi.EXPECTED_VERSION, abi.version());
        assertEquals(KernelAbi.RECORD_BYTES, first.length);
        for (FatbinImage.Cubin cubin : cubins) {
            assertArrayEquals(first, abiRecord(cubin), "sm_" + cubin.architecture());
        }
        // The Maven JVM checks sizes before any worker, without a GPU, against its own constant.
        assertEquals(CommunicatorDeclaration.VECTOR_BYTES, abi.vectorBytes());
    }

    static byte[] abiRecord(FatbinImage.Cubin cubin) {
        FatbinImage.Symbol record = cubin.symbols().get(KernelAbi.SYMBOL);
        assertNotNull(record, "the sm_" + cubin.architecture() + " cubin has no " + KernelAbi.SYMBOL);
        return record.initialBytes();
    }

    /** The ABI record of the fatbin on the class path; the test using it is skipped where there is none. */
    static KernelAbi fatbinAbi() throws IOException {
        byte[] fatbin = FatbinImage.resource();
        assumeTrue(fatbin != null, "the commgate-native jar was built without nvcc");
        return KernelAbi.decode(abiRecord(FatbinImage.cubins(fatbin).get(0)));
    }

    /**
     * The {@code static final KernelFamily} fields of this package's classes; every class that
     * launches our kernels must declare at least one.
     */
    private static List<KernelFamily> declaredFamilies() throws Exception {
        List<KernelFamily> families = new ArrayList<>();
        for (Class<?> type : packageClasses()) {
            List<KernelFamily> declared = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == KernelFamily.class && Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    declared.add((KernelFamily) field.get(null));
                }
            }
            boolean launchesKernels = PeerKernelAllReduce.class.isAssignableFrom(type) || type == MulticastAllReduce.class;
            if (launchesKernels && !Modifier.isAbstract(type.getModifiers())) {
                assertFalse(declared.isEmpty(), type.getSimpleName() + " declares no KernelFamily constant");
            }
            families.addAll(declared);
        }
        assertTrue(families.contains(CustomAllReduce.ONESHOT_KERNELS), "the scan found " + families);
        return families;
    }

    private static List<Class<?>> packageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path directory = Path.of(KernelFamily.class.getResource("KernelFamily.class").toURI()).getParent();
        String prefix = KernelFamily.class.getPackageName() + ".";
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                classes.add(Class.forName(prefix + name.substring(0, name.length() - ".class".length()), false,
                        KernelFamily.class.getClassLoader()));
            }
        }
        return classes;
    }
}
