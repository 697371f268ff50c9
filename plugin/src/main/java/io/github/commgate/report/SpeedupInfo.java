package io.github.commgate.report;

import io.github.commgate.result.PointResult;
import io.github.commgate.result.PointStatus;
import io.github.commgate.result.RunResult;
import java.util.Locale;
import java.util.Optional;

/**
 * vLLM's "speedup_info" of one size: the fastest communicator and its speedup over the
 * reference, as benchmark_device_communicators.py prints it in its table and JSON alike.
 */
final class SpeedupInfo {

    private SpeedupInfo() {
    }

    /** "fastest (speedup x)" over the reference, or N/A when nothing at this size was measured. */
    static String text(RunResult run, int sequenceLength, String reference) {
        Optional<PointResult> best = run.fastestAt(sequenceLength);
        if (best.isEmpty()) {
            return "N/A";
        }
        Optional<PointResult> base = run.point(reference, sequenceLength).filter(p -> p.status() == PointStatus.MEASURED);
        String speedup = base.map(b -> String.format(Locale.ROOT, "%.2fx", b.medianMicros() / best.get().medianMicros())).orElse("N/A");
        return best.get().communicator() + " (" + speedup + ")";
    }
}
