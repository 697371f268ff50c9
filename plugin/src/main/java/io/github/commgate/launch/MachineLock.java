package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One measuring run at a time per backend and device on this machine: two runs on the same cores
 * or GPUs measure each other's load. A lock file per device ({@code commgate-cpu.lock}, or
 * {@code commgate-cuda-<device>.lock} for each GPU of the run) in the system temp directory,
 * held with {@link FileChannel#tryLock()}, so the operating system releases it when its holder
 * dies, even by kill -9. A run that finds one held waits, saying whom for, up to its
 * {@code lockTimeout}. The files stay (deleting a lock file lets two runs lock two different files).
 */
final class MachineLock implements AutoCloseable {

    static final Duration REPORT_EVERY = Duration.ofSeconds(15);
    private static final long TURN_POLL_MILLIS = 100;
    /**
     * File locks belong to the whole JVM (a second {@code tryLock} on the same file throws, and
     * closing any channel of it drops them all), so threads of one Maven ({@code -T 2}) take turns
     * here first, and only the thread that holds a file's turn ever opens that file.
     */
    private static final Map<Path, Semaphore> TURNS = new ConcurrentHashMap<>();
    private static final Map<Path, LockHolder> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final List<Held> held = new ArrayList<>();

    private record Held(Path file, FileChannel channel, FileLock lock) {
    }

    private MachineLock() {
    }

    /** The lock files of a run: one for the CPU, or one per GPU it uses (in CUDA_VISIBLE_DEVICES order). */
    static List<String> devices(Backend backend, int worldSize, Map<String, String> workerEnvironment) {
        if (backend != Backend.CUDA) {
            return List.of(backend.label());
        }
        String visible = workerEnvironment.getOrDefault("CUDA_VISIBLE_DEVICES", System.getenv("CUDA_VISIBLE_DEVICES"));
        List<String> ids = visible == null || visible.isBlank()
                ? IntStream.range(0, worldSize).mapToObj(Integer::toString).toList()
                : Arrays.stream(visible.split(",")).map(String::trim).limit(worldSize).toList();
        return ids.stream().map(id -> "cuda-" + id.replaceAll("[^A-Za-z0-9._-]", "_")).sorted().toList();
    }

    /** Takes every device's lock, in name order so that two runs never hold one each of the other's. */
    static MachineLock acquire(Path directory, List<String> devices, String project, Duration timeout,
                               Consumer<String> waiting) throws LaunchException {
        MachineLock machine = new MachineLock();
        LockWait wait = new LockWait(timeout, waiting);
        try {
            for (String device : devices.stream().sorted().toList()) {
                machine.held.add(take(directory.resolve("commgate-" + device + ".lock"), device,
                        LockHolder.thisProcess(project), wait));
            }
            return machine;
        } catch (LaunchException | RuntimeException e) {
            machine.close();
            throw e;
        }
    }

    private static Held take(Path file, String device, LockHolder me, LockWait wait) throws LaunchException {
        Semaphore turn = TURNS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Semaphore(1));
        while (!tryAcquire(turn)) {
            wait.busy(device, file, HELD_IN_THIS_JVM.get(file.toAbsolutePath().normalize()));
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                wait.busy(device, file, LockHolder.parse(readAll(channel)));
                LockWait.pause();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.toBytes()), 0);
            channel.force(false);
            HELD_IN_THIS_JVM.put(file.toAbsolutePath().normalize(), me);
            return new Held(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            turn.release();
            throw new LaunchException("cannot lock " + file + " (the machine lock of " + device + "): " + e.getMessage(), e);
        } catch (LaunchException | RuntimeException e) {
            closeQuietly(channel);
            turn.release();
            throw e;
        }
    }

    /**
     * Opens an existing lock file without O_CREAT: in a sticky world-writable /tmp, Linux's
     * fs.protected_regular refuses O_CREAT on another user's file even when it exists. A new file
     * is made readable and writable by everyone, so another user's run can take its turn.
     */
    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException missing) {
            try {
                Files.createFile(file);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            } catch (FileAlreadyExistsException raced) {
                // Another run made it first; it is the same lock.
            }
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
    }

    private static boolean tryAcquire(Semaphore turn) throws LaunchException {
        try {
            return turn.tryAcquire(TURN_POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the machine lock");
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(4096);
        channel.read(content, 0);
        return Arrays.copyOf(content.array(), content.position());
    }

    @Override
    public void close() {
        for (Held one : held) {
            HELD_IN_THIS_JVM.remove(one.file().toAbsolutePath().normalize());
            closeQuietly(one.channel());
            TURNS.get(one.file().toAbsolutePath().normalize()).release();
        }
        held.clear();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing releases the lock; a channel that fails to close dies with the process.
            }
        }
    }
}
