package io.github.commgate.launch;

import io.github.commgate.comm.Backend;
import io.github.commgate.comm.DType;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.PointResult;
import java.nio.file.Path;

/**
 * Stands in for Maven in a JVM of its own: runs a real launch of two CPU workers, long enough
 * (a 32 MiB point, endless trials) to be stopped from outside by {@link CancelledRunTest}. Says
 * "connected" on stdout once every rank has joined.
 */
public final class LaunchUntilStopped {

    private LaunchUntilStopped() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder().backend(Backend.CPU).worldSize(2).communicators("shm-oneshot")
                .sequenceLengths(2048).hiddenSize(8192).dtype(DType.BF16).protocol(1, 1_000_000, 10).build();
        new WorkerLauncher(TestLaunches.settings(TestLaunches.JAVA, Path.of(args[0]), 300), new ProgressListener() {
            @Override
            public void ranksConnected(double secondsSinceStart) {
                System.out.println("connected");
                System.out.flush();
            }

            @Override
            public void pointCompleted(int index, int total, PointResult point) {
            }
        }).run(plan);
        System.out.println("finished, which it never should");
    }
}
