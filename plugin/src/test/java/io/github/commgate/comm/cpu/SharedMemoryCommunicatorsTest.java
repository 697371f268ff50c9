package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.CommunicatorDeclaration;
import io.github.commgate.comm.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, skipping and closing the shared-memory communicators. */
class SharedMemoryCommunicatorsTest {

    @TempDir
    Path scratch;

    @Test
    void everyDeclaredCommunicatorOpensAndReportsItsDeclaredName() throws Exception {
        for (CommunicatorDeclaration declaration : SharedMemoryCommunicators.REGISTRY.communicators()) {
            List<String> opened = new ThreadRanks(2).run(scratch, 1024, context -> {
                try (Communicator communicator = declaration.opener().open(context)) {
                    return communicator.name();
                }
            });
            assertEquals(List.of(declaration.name(), declaration.name()), opened);
        }
    }

    @Test
    void anUnknownNameIsRefused() {
        ThreadRanks ranks = new ThreadRanks(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SharedMemoryCommunicators.REGISTRY.open("shm-threeshot", ranks.context(0, scratch, 1024)));
        assertEquals("no cpu communicator named 'shm-threeshot'; declared: "
                + String.join(", ", SharedMemoryCommunicators.REGISTRY.names()), e.getMessage());
    }

    @Test
    void theSharedFileIsOwnerOnlyWhileOpenAndGoneAfterClose() throws Exception {
        for (String name : SharedMemoryCommunicators.REGISTRY.names()) {
            List<Path> files = new ThreadRanks(2).run(scratch, 4096, context -> {
                SharedMemoryAllReduce communicator =
                        (SharedMemoryAllReduce) SharedMemoryCommunicators.REGISTRY.open(name, context);
                Path file = communicator.sharedFile();
                assertTrue(Files.exists(file));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                context.rendezvous().barrier();
                communicator.close();
                context.rendezvous().barrier();
                assertFalse(Files.exists(file), file.toString());
                return file;
            });
            assertEquals(files.get(0), files.get(1));
            assertTrue(files.get(0).getFileName().toString().startsWith(name + "-"));
            try (Stream<Path> left = Files.list(scratch)) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void skipReasonsNameTheRuleAndAreTheSameOnEveryRank() throws Exception {
        AllReducePoint unaligned = new AllReducePoint(1, 4, DType.BF16);
        AllReducePoint tooLarge = new AllReducePoint(8, 128, DType.FP32);
        AllReducePoint fits = new AllReducePoint(8, 64, DType.FP32);
        List<List<Optional<String>>> reasons = new ThreadRanks(2).run(scratch, 2048, context -> {
            try (Communicator communicator = SharedMemoryCommunicators.REGISTRY.open("shm-oneshot", context)) {
                return List.of(communicator.skipReason(unaligned), communicator.skipReason(tooLarge),
                        communicator.skipReason(fits));
            }
        });
        List<Optional<String>> expected = List.of(
                Optional.of("8 bytes is not a multiple of the 16-byte vector the algorithm moves"),
                Optional.of("4096 bytes is more than the 2048 bytes its shared buffers were sized for"),
                Optional.empty());
        assertEquals(List.of(expected, expected), reasons);
    }

    @Test
    void worldSizesOutsideTwoToEightAreSkippedWithoutSharingAnything() throws Exception {
        AllReducePoint point = new AllReducePoint(1, 8, DType.BF16);
        List<Optional<String>> single = new ThreadRanks(1).run(scratch, 1024, context -> {
            try (Communicator communicator = SharedMemoryCommunicators.REGISTRY.open("shm-oneshot", context)) {
                return communicator.skipReason(point);
            }
        });
        assertEquals(List.of(Optional.of("needs 2 to 8 ranks, this run has 1")), single);
        List<Optional<String>> nine = new ThreadRanks(9).run(scratch, 1024, context -> {
            try (Communicator communicator = SharedMemoryCommunicators.REGISTRY.open("shm-twoshot", context)) {
                return communicator.skipReason(point);
            }
        });
        assertEquals(Optional.of("needs 2 to 8 ranks, this run has 9"), nine.get(8));
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count());
        }
    }
}
