package io.github.commgate.gate;

import io.github.commgate.baseline.BaselinePoint;
import io.github.commgate.comm.Backend;
import io.github.commgate.comm.MeasuringProtocol;
import io.github.commgate.plan.Defaults;
import io.github.commgate.plan.Thresholds;
import io.github.commgate.stats.MannWhitneyU;
import io.github.commgate.stats.Statistics;
import java.util.Arrays;

/**
 * Sets each point's limit from what was measured about it. A threshold the user wrote rules
 * where there is one. Otherwise the limit follows the point's own noise: {@link #NOISE_FACTOR}
 * times the spread between the medians of the baseline's recording runs (runs drift apart more
 * than one run's trials suggest), at least {@link #MIN_PERCENT} and at most {@link #MAX_PERCENT};
 * and the smallest change that counts is the timer's resolution per all-reduce, not a fixed
 * microsecond. A baseline without per-run medians keeps the fixed rule it was recorded under.
 */
final class Limits {

    /**
     * Twice the range of the recording runs' medians: a new run lands within one range of them
     * almost always, and a second range of margin keeps a fresh baseline free of false alarms.
     */
    static final double NOISE_FACTOR = 2;
    /** Below this no change is worth a failed build, however quiet the point. */
    static final double MIN_PERCENT = 2;
    /**
     * Below this no change counts on the cpu backend. Its recording runs, made within a minute,
     * miss how far a shared virtual machine moves over minutes: on a 2-vCPU EPYC runner
     * (2026-12-03) unchanged code's run medians moved by up to 15 % between consecutive checks
     * while the recording runs agreed within 1.5 %, and limits from that spread failed 17 of 20
     * checks (docs/gate.md, Measured).
     */
    static final double CPU_MIN_PERCENT = 10;
    /** A point noisier than this is still judged at 10 %, as before, rather than waved through. */
    static final double MAX_PERCENT = 10;
    /** CUDA events resolve about 0.5 us (cudaEventElapsedTime in the CUDA Runtime API reference). */
    static final double CUDA_EVENT_RESOLUTION_MICROS = 0.5;
    /** System.nanoTime on Linux reads a clock of tens of nanoseconds; 0.1 us leaves room. */
    static final double CPU_TIMER_RESOLUTION_MICROS = 0.1;

    private final Thresholds thresholds;
    private final double resolutionFloorMicros;
    private final int trials;
    private final boolean sharedCpu;

    Limits(Thresholds thresholds, Backend backend, MeasuringProtocol protocol) {
        this.thresholds = thresholds;
        double perRound = backend == Backend.CUDA ? CUDA_EVENT_RESOLUTION_MICROS : CPU_TIMER_RESOLUTION_MICROS;
        this.resolutionFloorMicros = perRound / protocol.cycles();
        this.trials = protocol.trials();
        this.sharedCpu = backend == Backend.CPU;
    }

    PointLimit of(BaselinePoint point) {
        double base = point.medianMicros();
        double detectable = detectablePercent(point.samples());
        double percent = thresholds.percentFor(point.communicator());
        double floor = Double.isNaN(thresholds.floorMicros()) ? resolutionFloorMicros : thresholds.floorMicros();
        if (!Double.isNaN(percent)) {
            return PointLimit.of(base, percent, floor, PointLimit.Rule.THRESHOLD, point.runMediansMicros().size(), detectable);
        }
        if (point.runMediansMicros().size() < 2) {
            double fixedFloor = Double.isNaN(thresholds.floorMicros()) ? Defaults.FLOOR_MICROS : floor;
            return PointLimit.of(base, Defaults.THRESHOLD_PERCENT, fixedFloor, PointLimit.Rule.FIXED,
                    point.runMediansMicros().size(), detectable);
        }
        double[] medians = point.runMediansMicros().stream().mapToDouble(Double::doubleValue).toArray();
        double spreadPercent = (Statistics.max(medians) - Statistics.min(medians)) / base * 100;
        double noise = Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, NOISE_FACTOR * spreadPercent));
        if (sharedCpu && noise < CPU_MIN_PERCENT) {
            return PointLimit.of(base, CPU_MIN_PERCENT, floor, PointLimit.Rule.CPU_LEAST, medians.length, detectable);
        }
        return PointLimit.of(base, noise, floor, PointLimit.Rule.NOISE, medians.length, detectable);
    }

    /**
     * The smallest slowdown, in percent, that a run of this protocol's trials could show as
     * significant against these samples: the samples themselves, thinned to the trials of one run
     * and shifted, stand in for that run. Searched by bisection to a tenth of a percent.
     */
    private double detectablePercent(double[] recorded) {
        double[] sorted = recorded.clone();
        Arrays.sort(sorted);
        double[] run = new double[Math.min(trials, sorted.length)];
        for (int i = 0; i < run.length; i++) {
            run[i] = sorted[(int) ((i + 0.5) * sorted.length / run.length)];
        }
        double low = 0;
        double high = 100;
        if (!significant(run, recorded, high)) {
            return Double.POSITIVE_INFINITY;
        }
        while (high - low > 0.1) {
            double middle = (low + high) / 2;
            if (significant(run, recorded, middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private boolean significant(double[] run, double[] recorded, double percent) {
        double[] shifted = Arrays.stream(run).map(s -> s * (1 + percent / 100)).toArray();
        return MannWhitneyU.pGreater(shifted, recorded) < thresholds.alpha();
    }
}
