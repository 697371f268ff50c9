package io.github.commgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which directories the next run takes for a dead run's: real directories, real pids, real processes. */
class LeftoverScratchTest {

    @TempDir
    Path parent;

    private final List<String> removed = new ArrayList<>();

    private Path directory(long pid, String owner) throws Exception {
        Path directory = Files.createDirectory(parent.resolve(ScratchDirectory.PREFIX + pid + "-12345"));
        Files.writeString(directory.resolve("allreduce-1.shm"), "x".repeat(1000));
        if (owner != null) {
            Files.writeString(directory.resolve(ScratchDirectory.OWNER_FILE), owner);
        }
        return directory;
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        return gone.pid();
    }

    @Test
    void aLiveOwnersDirectoryStays() throws Exception {
        ProcessIdentity me = ProcessIdentity.current();
        Path mine = directory(me.pid(), "pid=" + me.pid() + "\nstart=" + me.start() + "\n");
        LeftoverScratch.removeFrom(parent, removed::add);
        assertTrue(Files.exists(mine));
        assertEquals(List.of(), removed);
    }

    @Test
    void aDirectoryWhosePidNowBelongsToAnotherProcessIsRemoved() throws Exception {
        long pid = ProcessHandle.current().pid();
        Path reused = directory(pid, "pid=" + pid + "\nstart=ticks:1\n");
        LeftoverScratch.removeFrom(parent, removed::add);
        assertFalse(Files.exists(reused));
        assertEquals(List.of("removed " + reused + " (0.0 MiB), left by pid " + pid + ", which is no longer running"), removed);
    }

    @Test
    void aDirectoryWithoutItsOwnerFileIsRemovedOnlyOnceItsPidIsGone() throws Exception {
        long dead = deadPid();
        Path orphan = directory(dead, null);
        Path starting = Files.createDirectory(parent.resolve(ScratchDirectory.PREFIX + ProcessHandle.current().pid() + "-999"));
        LeftoverScratch.removeFrom(parent, removed::add);
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(starting), "a run still making its directory lost it");
    }

    @Test
    void directoriesOfOlderVersionsAndOtherNamesAreLeftAlone() throws Exception {
        Path older = Files.createDirectory(parent.resolve(ScratchDirectory.PREFIX + "4417785320001"));
        Path other = Files.createDirectory(parent.resolve("something-else"));
        LeftoverScratch.removeFrom(parent, removed::add);
        assertTrue(Files.exists(older));
        assertTrue(Files.exists(other));
    }

    @Test
    void aRunsOwnDirectoryNamesItsOwner() throws Exception {
        try (ScratchDirectory scratch = ScratchDirectory.createIn(parent, removed::add)) {
            ProcessIdentity me = ProcessIdentity.current();
            assertTrue(scratch.path().getFileName().toString().startsWith(ScratchDirectory.PREFIX + me.pid() + "-"));
            assertEquals("pid=" + me.pid() + "\nstart=" + me.start() + "\n",
                    Files.readString(scratch.path().resolve(ScratchDirectory.OWNER_FILE)));
            assertTrue(me.start().matches("ticks:\\d+"), me.start());
        }
    }
}
