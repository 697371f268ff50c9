package io.github.commgate.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a node without the launcher's scratch directory, the node's first rank makes it, owner-only, and removes it. */
class NodeScratchTest {

    @Test
    void theFirstRankOfANodeMakesTheMissingDirectoryOwnerOnlyAndRemovesItWithItsFiles(@TempDir Path parent) throws Exception {
        Path scratch = parent.resolve("commgate-123-4");
        assertEquals(scratch, NodeScratch.ensure(scratch, false));
        assertFalse(Files.exists(scratch), "only the node's first rank makes it");
        assertEquals(scratch, NodeScratch.ensure(scratch, true));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)));
        Files.writeString(scratch.resolve("segment.shm"), "x");
        NodeScratch.removeIfMade();
        assertFalse(Files.exists(scratch));
    }

    @Test
    void aDirectoryTheLauncherMadeIsLeftToTheLauncher(@TempDir Path scratch) throws Exception {
        assertEquals(scratch, NodeScratch.ensure(scratch, true));
        assertTrue(Files.isDirectory(scratch));
    }
}
