package io.github.commgate.comm.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.Rendezvous;
import io.github.commgate.plan.CommunicatorCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Needs no GPU: every guard that stands between symm-multimem and a multicast object, with its exact reason. */
class MulticastGuardTest {

    private static final MulticastGuard.DeviceFacts H100 = new MulticastGuard.DeviceFacts(0, 9, true, true);

    private static Optional<String> reason(Map<String, String> environment, int worldSize, MulticastGuard.DeviceFacts device) {
        return MulticastGuard.localReason(environment, worldSize, true, device);
    }

    @Test
    void multicastRunsOnlyWhenSelectedByName() {
        assertTrue(CommunicatorCatalog.names(Backend.CUDA).contains("symm-multimem"));
        assertFalse(CommunicatorCatalog.defaults(Backend.CUDA).contains("symm-multimem"));
    }

    @Test
    void eitherSwitchTurnsMulticastOffWhateverTheGpuCanDo() {
        assertEquals(Optional.of("multicast is disabled here (NCCL_NVLS_ENABLE=0)"), reason(Map.of("NCCL_NVLS_ENABLE", "0"), 8, H100));
        assertEquals(Optional.of("multicast is disabled here (TORCH_SYMM_MEM_DISABLE_MULTICAST=1)"),
                reason(Map.of("TORCH_SYMM_MEM_DISABLE_MULTICAST", "1"), 8, H100));
    }

    @Test
    void switchesSetTheOtherWayDoNotDisableIt() {
        assertEquals(Optional.empty(), reason(Map.of("NCCL_NVLS_ENABLE", "1", "TORCH_SYMM_MEM_DISABLE_MULTICAST", "0"), 8, H100));
    }

    @Test
    void theKernelsNeedTwoFourSixOrEightRanks() {
        for (int ranks : new int[] {1, 3, 5, 7, 9, 16}) {
            assertEquals(Optional.of("needs 2, 4, 6 or 8 ranks; this run has " + ranks), reason(Map.of(), ranks, H100));
        }
        for (int ranks : new int[] {2, 4, 6, 8}) {
            assertEquals(Optional.empty(), reason(Map.of(), ranks, H100));
        }
    }

    @Test
    void aBuildWithoutNvccHasNoMultimemKernels() {
        assertEquals(Optional.of(KernelLibrary.NOT_BUILT), MulticastGuard.localReason(Map.of(), 4, false, H100));
    }

    @Test
    void aGpuWithoutMulticastSaysWhichAttribute() {
        assertEquals(Optional.of("GPU 3 does not support multicast (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)"),
                reason(Map.of(), 4, new MulticastGuard.DeviceFacts(3, 9, false, true)));
    }

    @Test
    void multimemNeedsHopperOrNewer() {
        assertEquals(Optional.of("GPU 1 has compute capability 8.x; multimem instructions need 9.0 or newer"),
                reason(Map.of(), 4, new MulticastGuard.DeviceFacts(1, 8, true, true)));
        assertEquals(Optional.empty(), reason(Map.of(), 4, new MulticastGuard.DeviceFacts(1, 10, true, true)));
    }

    @Test
    void withoutFabricHandlesTheProcessesCannotShareTheObject() {
        assertEquals(Optional.of("needs fabric memory handles to share the multicast object between processes"
                        + " (CU_DEVICE_ATTRIBUTE_HANDLE_TYPE_FABRIC_SUPPORTED is 0 on GPU 2)"),
                reason(Map.of(), 4, new MulticastGuard.DeviceFacts(2, 9, true, false)));
    }

    @Test
    void theSwitchesComeFirstSoTheReasonNamesWhatTheUserSet() {
        assertEquals(Optional.of("multicast is disabled here (NCCL_NVLS_ENABLE=0)"),
                reason(Map.of("NCCL_NVLS_ENABLE", "0"), 3, new MulticastGuard.DeviceFacts(0, 8, false, false)));
    }

    @Test
    void onePeersReasonMakesEveryRankSkip() throws IOException {
        // This rank (0) passes every guard; rank 1's GPU lacks multicast.
        Rendezvous rendezvous = gathering(0, blob(1, "GPU 1 does not support multicast (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)"));
        MulticastGuard.Decision decision = MulticastGuard.decide(Map.of(), 2, true, H100, rendezvous);
        assertEquals(Optional.of("GPU 1 does not support multicast (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)"), decision.skipReason());
        IllegalStateException noPermit = assertThrows(IllegalStateException.class, decision::permit);
        assertEquals("symm-multimem is skipped, there is no permit: GPU 1 does not support multicast"
                + " (CU_DEVICE_ATTRIBUTE_MULTICAST_SUPPORTED is 0)", noPermit.getMessage());
    }

    @Test
    void theFirstRanksReasonWinsSoEveryRankReportsTheSame() throws IOException {
        Rendezvous rendezvous = gathering(2, blob(0, "multicast is disabled here (NCCL_NVLS_ENABLE=0)"), blob(1, "another reason"));
        MulticastGuard.Decision decision = MulticastGuard.decide(Map.of(), 4, true,
                new MulticastGuard.DeviceFacts(2, 9, true, true), rendezvous);
        assertEquals(Optional.of("multicast is disabled here (NCCL_NVLS_ENABLE=0)"), decision.skipReason());
    }

    @Test
    void ranksSharingOneGpuCannotFormAMulticastObject() throws IOException {
        MulticastGuard.Decision decision = MulticastGuard.decide(Map.of(), 2, true, H100, gathering(1, blob(0, "")));
        assertEquals(Optional.of("needs one GPU per rank for the multicast object, but ranks 0 and 1 share GPU 0"), decision.skipReason());
        assertEquals(Optional.empty(), MulticastGuard.sharedGpu(new int[] {0, 1, 2, 3}));
    }

    @Test
    void everyGuardPassedOnEveryRankYieldsAPermitForThisGpu() throws IOException {
        MulticastGuard.Decision decision = MulticastGuard.decide(Map.of(), 2, true, new MulticastGuard.DeviceFacts(1, 9, true, true),
                gathering(1, blob(0, "")));
        assertEquals(Optional.empty(), decision.skipReason());
        assertEquals(2, decision.permit().worldSize());
        assertEquals(1, decision.permit().device());
    }

    @Test
    void onlyTheGuardCanMakeAPermit() {
        for (Constructor<?> constructor : MulticastGuard.Permit.class.getDeclaredConstructors()) {
            assertTrue(Modifier.isPrivate(constructor.getModifiers()), constructor.toString());
        }
    }

    @Test
    void theMulticastObjectCannotBeBuiltOrSizedWithoutAPermit() throws Exception {
        for (Constructor<?> constructor : MulticastObject.class.getDeclaredConstructors()) {
            assertEquals(MulticastGuard.Permit.class, constructor.getParameterTypes()[0], constructor.toString());
        }
        assertEquals(MulticastGuard.Permit.class,
                MulticastObject.class.getDeclaredMethod("granularity", MulticastGuard.Permit.class, CudaCalls.class, long.class)
                        .getParameterTypes()[0]);
    }

    @Test
    void nothingButTheMulticastObjectCallsTheMulticastApi() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> callers;
        try (Stream<Path> files = Files.walk(sources)) {
            callers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).matches("(?s).*\\bcuMulticast(Create|AddDevice|BindMem|BindAddr)\\s*\\(.*"))
                    .map(file -> file.getFileName().toString())
                    .sorted().toList();
        }
        assertEquals(List.of("MulticastObject.java"), callers);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a peer on GPU {@code device} sends, as MulticastGuard encodes it (no reason when empty). */
    private static byte[] blob(int device, String reason) {
        return MulticastGuard.rankReport(device, reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    /** A rendezvous where this rank is {@code rank} and the peers' blobs are fixed, in rank order. */
    private static Rendezvous gathering(int rank, byte[]... peers) {
        return new Rendezvous() {
            @Override
            public void barrier() {
            }

            @Override
            public List<byte[]> allGather(byte[] mine) {
                List<byte[]> all = new ArrayList<>(List.of(peers));
                all.add(rank, mine);
                return all;
            }
        };
    }
}
