package io.github.commgate.comm.cpu;

import io.github.commgate.comm.DType;
import io.github.commgate.comm.ExactSumImages;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.NodeLayout;
import io.github.commgate.comm.PhaseTimes;
import io.github.commgate.comm.RankContext;
import io.github.commgate.comm.Rendezvous;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Threads standing in for the ranks of one run: an in-process {@link Rendezvous} over a
 * {@link CyclicBarrier}, and a runner that gives each rank a thread and fails the test (instead
 * of hanging it) when any rank fails or a deadline passes.
 */
final class ThreadRanks {

    /** What one rank does; returns what the test wants to look at. */
    interface RankBody<T> {
        T run(RankContext context) throws Exception;
    }

    private static final long DEADLINE_SECONDS = 60;

    /** One warm-up, two trials of three all-reduces: enough rounds to cross every barrier twice. */
    static final MeasuringProtocol QUICK = new MeasuringProtocol(1, 2, 3);

    private final int worldSize;
    private final MeasuringProtocol protocol;
    private final CyclicBarrier barrier;
    private final byte[][] blobs;

    ThreadRanks(int worldSize) {
        this(worldSize, QUICK);
    }

    ThreadRanks(int worldSize, MeasuringProtocol protocol) {
        this.worldSize = worldSize;
        this.protocol = protocol;
        this.barrier = new CyclicBarrier(worldSize);
        this.blobs = new byte[worldSize][];
    }

    RankContext context(int rank, Path scratchDirectory, long maxBytes) {
        return new RankContext(rank, worldSize, rank, scratchDirectory, maxBytes, protocol, maxBytes, rendezvous(rank),
                ExactSumImages.computeInBackground(rank, worldSize, DType.BF16, maxBytes / DType.BF16.bytes()), new PhaseTimes(),
                NodeLayout.oneNode(worldSize, "localhost"));
    }

    Rendezvous rendezvous(int rank) {
        return new Rendezvous() {
            @Override
            public void barrier() throws IOException {
                await();
            }

            @Override
            public List<byte[]> allGather(byte[] mine) throws IOException {
                blobs[rank] = mine.clone();
                await();
                List<byte[]> all = new ArrayList<>();
                for (byte[] blob : blobs) {
                    all.add(blob.clone());
                }
                // Nobody overwrites a slot for the next gather before everyone has read this one.
                await();
                return all;
            }
        };
    }

    private void await() throws IOException {
        try {
            barrier.await(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted in the rendezvous");
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IOException("rendezvous broken: another rank failed or timed out", e);
        }
    }

    /** Runs {@code body} on one thread per rank and returns the results by rank. */
    <T> List<T> run(Path scratchDirectory, long maxBytes, RankBody<T> body) throws Exception {
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(worldSize);
        Throwable[] failures = new Throwable[worldSize];
        AtomicInteger firstFailed = new AtomicInteger(-1);
        Thread[] threads = new Thread[worldSize];
        for (int rank = 0; rank < worldSize; rank++) {
            int r = rank;
            threads[r] = new Thread(() -> {
                try {
                    results.set(r, body.run(context(r, scratchDirectory, maxBytes)));
                } catch (Throwable t) {
                    failures[r] = t;
                    // The first failure is the cause; the others are peers it left stranded.
                    firstFailed.compareAndSet(-1, r);
                    barrier.reset();
                    Arrays.stream(threads).forEach(Thread::interrupt);
                }
            }, "rank-" + r);
            threads[r].setDaemon(true);
        }
        Arrays.stream(threads).forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        for (int rank = 0; rank < worldSize; rank++) {
            if (threads[rank].isAlive()) {
                Arrays.stream(threads).forEach(Thread::interrupt);
                throw new AssertionError("rank " + rank + " still running after "
                        + DEADLINE_SECONDS + " s");
            }
        }
        int failed = firstFailed.get();
        if (failed >= 0) {
            throw new AssertionError("rank " + failed + " failed", failures[failed]);
        }
        List<T> byRank = new ArrayList<>();
        for (int rank = 0; rank < worldSize; rank++) {
            @SuppressWarnings("unchecked")
            T result = (T) results.get(rank);
            byRank.add(result);
        }
        return byRank;
    }
}
