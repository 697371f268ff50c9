package io.github.commgate.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a GPU's state says about a measurement, read from the facts a rank records with NVML at
 * the start and the end of a run (the reading itself is in comm.cuda). Pure, so every rule is
 * tested without a GPU.
 */
public final class GpuState {

    /**
     * nvmlClocksEventReason* bits of nvml.h, by the name a report prints. Idle, application clocks,
     * sync boost and display clocks are how a GPU normally runs; the others hold it below its clocks.
     */
    private static final Map<Long, String> EVENTS = Map.of(
            0x4L, "sw_power_cap", 0x8L, "hw_slowdown", 0x20L, "sw_thermal_slowdown",
            0x40L, "hw_thermal_slowdown", 0x80L, "hw_power_brake_slowdown");
    /** A clock this much below the baseline's is a slower machine, not noise of the reading. */
    static final double CLOCK_DROP_PERCENT = 5;

    private GpuState() {
    }

    /** The reasons among {@code bits} that slow the GPU down, in bit order; "none" when there are none. */
    public static String clockEvents(long bits) {
        List<String> names = new ArrayList<>();
        EVENTS.keySet().stream().sorted().filter(bit -> (bits & bit) != 0).forEach(bit -> names.add(EVENTS.get(bit)));
        return names.isEmpty() ? "none" : String.join(",", names);
    }

    /**
     * One account of a run from the readings at its start and its end: every clock event, the
     * higher temperature and power and the most foreign processes (a point measured in between
     * may have met them), and the clocks as read at the end, right after the GPU worked: at the
     * start an idle GPU reads its idle clocks, which say nothing about how fast it measured.
     */
    public static Map<String, String> merge(Map<String, String> before, Map<String, String> after) {
        Map<String, String> merged = new LinkedHashMap<>(before);
        for (String clock : List.of(MachineFacts.GPU_SM_CLOCK_MHZ, MachineFacts.GPU_SM_CLOCK_TARGET_MHZ,
                MachineFacts.GPU_MEMORY_CLOCK_MHZ)) {
            if (after.containsKey(clock)) {
                merged.put(clock, after.get(clock));
            }
        }
        higher(merged, after, MachineFacts.GPU_TEMPERATURE_C);
        higher(merged, after, MachineFacts.GPU_POWER_W);
        higher(merged, after, MachineFacts.GPU_FOREIGN_PROCESSES);
        Set<String> events = new TreeSet<>();
        for (Map<String, String> facts : List.of(before, after)) {
            for (String event : facts.getOrDefault(MachineFacts.GPU_CLOCK_EVENTS, "none").split(",")) {
                if (!event.isBlank() && !event.equals("none")) {
                    events.add(event.trim());
                }
            }
        }
        if (before.containsKey(MachineFacts.GPU_CLOCK_EVENTS) || after.containsKey(MachineFacts.GPU_CLOCK_EVENTS)) {
            merged.put(MachineFacts.GPU_CLOCK_EVENTS, events.isEmpty() ? "none" : String.join(",", events));
        }
        return merged;
    }

    /**
     * Why a run on this GPU would measure slower than one in the {@code reference} state, or empty:
     * the GPU held its clocks down, had its SM clock set over {@link #CLOCK_DROP_PERCENT} below
     * the reference's, or shared itself with another process. The clock of the moment is not
     * judged: read between points it is an idle GPU's, whatever the GPU ran at.
     */
    public static List<String> slowerThan(Map<String, String> facts, Map<String, String> reference) {
        List<String> reasons = new ArrayList<>();
        String events = facts.getOrDefault(MachineFacts.GPU_CLOCK_EVENTS, "none");
        if (!events.equals("none") && !events.equals(reference.getOrDefault(MachineFacts.GPU_CLOCK_EVENTS, "none"))) {
            reasons.add("the GPU held its clocks down (" + events + ")");
        }
        OptionalDouble clock = MachineFacts.number(facts, MachineFacts.GPU_SM_CLOCK_TARGET_MHZ);
        OptionalDouble referenceClock = MachineFacts.number(reference, MachineFacts.GPU_SM_CLOCK_TARGET_MHZ);
        if (clock.isPresent() && referenceClock.isPresent()
                && clock.getAsDouble() < referenceClock.getAsDouble() * (1 - CLOCK_DROP_PERCENT / 100)) {
            reasons.add(String.format(Locale.ROOT, "its SM clock was set to %.0f MHz against %.0f MHz",
                    clock.getAsDouble(), referenceClock.getAsDouble()));
        }
        double foreign = MachineFacts.number(facts, MachineFacts.GPU_FOREIGN_PROCESSES).orElse(0);
        if (foreign > MachineFacts.number(reference, MachineFacts.GPU_FOREIGN_PROCESSES).orElse(0)) {
            reasons.add(String.format(Locale.ROOT, "%.0f other process%s used the GPU", foreign,
                    foreign == 1 ? "" : "es"));
        }
        return reasons;
    }

    private static void higher(Map<String, String> merged, Map<String, String> after, String fact) {
        OptionalDouble now = MachineFacts.number(after, fact);
        if (now.isPresent() && !(MachineFacts.number(merged, fact).orElse(-Double.MAX_VALUE) >= now.getAsDouble())) {
            merged.put(fact, after.get(fact));
        }
    }
}
