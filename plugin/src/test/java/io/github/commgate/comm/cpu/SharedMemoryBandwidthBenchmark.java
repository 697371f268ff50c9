package io.github.commgate.comm.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commgate.comm.AllReducePoint;
import io.github.commgate.comm.Communicator;
import io.github.commgate.comm.DType;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.comm.PointMeasurement;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How close the shared-memory all-reduces come to the machine's copy bandwidth: 2 ranks as 2
 * threads, 32 MiB of bf16, memory traffic per all-reduce (each class's documented formula)
 * divided by its median latency, next to what 2 threads copying large buffers move per second
 * in the same JVM. Run with
 * {@code mvn -B -o -pl plugin test -Dgroups=benchmark -DexcludedGroups=gpu -Dtest=SharedMemoryBandwidthBenchmark}.
 */
@Tag("benchmark")
class SharedMemoryBandwidthBenchmark {

    private static final int RANKS = 2;
    /** (2048, 8192) bf16 is 32 MiB, one of vLLM's benchmark sizes. */
    private static final AllReducePoint POINT = new AllReducePoint(2048, 8192, DType.BF16);
    private static final MeasuringProtocol PROTOCOL = new MeasuringProtocol(5, 10, 2);
    private static final int COPY_ROUNDS = 20;
    private static final int ROUNDS = 5;
    /** Twice the tensor, so neither buffer fits in any cache. */
    private static final int COPY_BYTES = 64 << 20;

    /** The shape of each class's {@code memoryTrafficBytes}. */
    private interface TrafficFormula {
        long bytes(long tensorBytes, int worldSize);
    }

    @TempDir
    Path scratch;

    /**
     * This machine's memory bandwidth moves with its neighbours' load (a 2-thread copy here has
     * measured 28 to 61 GB/s), so each round measures the copy right before the all-reduces it
     * is compared with, and the summary is the median round's share.
     */
    @Test
    void oneShotAndTwoShotReportTheirShareOfCopyBandwidth() throws Exception {
        double[] oneShotShares = new double[ROUNDS];
        double[] twoShotShares = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            System.out.printf(Locale.ROOT, "round %d of %d (RankOrderSum %s)%n", round + 1, ROUNDS,
                    RankOrderKernels.loadsFromBuffers() ? "loading straight from the buffers" : "in heap chunks");
            long copyNanos = slowestCopyNanos();
            // Bytes read plus bytes written, by both threads.
            long copyBytes = 2L * RANKS * COPY_BYTES;
            double copy = (double) copyBytes / copyNanos;
            report("2-thread copy", copyNanos / 1e3, copyBytes, copy, copy);
            oneShotShares[round] = allReduce(ShmOneShotAllReduce.NAME, ShmOneShotAllReduce::memoryTrafficBytes, copy) / copy;
            twoShotShares[round] = allReduce(ShmTwoShotAllReduce.NAME, ShmTwoShotAllReduce::memoryTrafficBytes, copy) / copy;
        }
        System.out.printf(Locale.ROOT, "median share of copy bandwidth over %d rounds: %s %.1f %%, %s %.1f %%%n",
                ROUNDS, ShmOneShotAllReduce.NAME, 100 * median(oneShotShares),
                ShmTwoShotAllReduce.NAME, 100 * median(twoShotShares));
        assertTrue(median(oneShotShares) > 0 && median(twoShotShares) > 0);
    }

    private double allReduce(String name, TrafficFormula traffic, double copy) throws Exception {
        ThreadRanks ranks = new ThreadRanks(RANKS, PROTOCOL);
        List<PointMeasurement> measured = ranks.run(scratch, POINT.bytes(), context -> {
            try (Communicator communicator = SharedMemoryCommunicators.REGISTRY.open(name, context)) {
                return communicator.measure(POINT);
            }
        });
        double slowest = 0;
        for (PointMeasurement m : measured) {
            assertTrue(m.correctness().correct(), m.correctness().firstMismatch());
            slowest = Math.max(slowest, median(m.latencyMicros()));
        }
        long bytes = traffic.bytes(POINT.bytes(), RANKS);
        double gigabytesPerSecond = bytes / (slowest * 1e3);
        report(name, slowest, bytes, gigabytesPerSecond, copy);
        return gigabytesPerSecond;
    }

    /** Two threads, each copying its own 64 MiB direct buffer into another, timed together. */
    private static long slowestCopyNanos() throws Exception {
        int bytes = COPY_BYTES;
        ThreadRanks ranks = new ThreadRanks(RANKS);
        List<Long> nanos = ranks.run(null, 0, context -> {
            ByteBuffer source = ByteBuffer.allocateDirect(bytes);
            ByteBuffer target = ByteBuffer.allocateDirect(bytes);
            target.put(0, source, 0, bytes);
            long fastest = Long.MAX_VALUE;
            for (int round = 0; round < COPY_ROUNDS; round++) {
                context.rendezvous().barrier();
                long start = System.nanoTime();
                target.put(0, source, 0, bytes);
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            return fastest;
        });
        return nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void report(String name, double micros, long bytes, double rate, double copy) {
        System.out.printf(Locale.ROOT, "%-14s %10.1f us/op  %,14d bytes/op  %7.2f GB/s  %5.1f %% of copy%n",
                name, micros, bytes, rate, 100 * rate / copy);
    }
}
