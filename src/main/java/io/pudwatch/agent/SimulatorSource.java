package io.pudwatch.agent;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import io.pudwatch.simulate.SimulationConfig;
import io.pudwatch.simulate.Simulator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Feeds the agent from the simulator without end: runs of the configured duration follow each other
 * on one timeline, each with the next seed, paced to real time (or a multiple of it).
 *
 * <p>Each run starts its VMs afresh, so at the end of a run every VM process exits ({@code
 * mm_exit}); otherwise a window left open at the end would meet the next run's first faults.
 */
public final class SimulatorSource implements EventSource {
    /** Simulated quiet time between runs, so that runs do not overlap on the timeline. */
    private static final long GAP_NS = 1_000_000;

    private final SimulationConfig config;
    private final double speed;
    private final long runs;

    /**
     * @param config the first run's configuration; later runs take the next seeds
     * @param speed times real time; {@link Double#POSITIVE_INFINITY} for as fast as possible
     * @param runs how many runs before the input ends; 0 for no end
     */
    public SimulatorSource(SimulationConfig config, double speed, long runs) {
        this.speed = Pacer.checkSpeed(speed, "simulation");
        if (runs < 0) {
            throw new IllegalArgumentException("The number of runs must not be negative.");
        }
        this.config = config;
        this.runs = runs;
    }

    @Override
    public String describe() {
        return "simulation of a "
                + config.kernel().name().toLowerCase(java.util.Locale.ROOT)
                + " kernel";
    }

    public SimulationConfig config() {
        return config;
    }

    @Override
    public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) throws Exception {
        Pacer pacer = Pacer.realTime(speed);
        Set<Long> mms = new LinkedHashSet<>();
        EventSink remembering =
                event -> {
                    if (event.type == EventType.PUD_INSTALL) {
                        mms.add(event.mm);
                    }
                    sink.accept(event);
                };
        PacedSink paced = new PacedSink(remembering, pacer, stop);
        long start = Simulator.DEFAULT_START_TS;
        long duration = config.duration().toNanos();
        for (long run = 0; runs == 0 || run < runs; run++) {
            try {
                new Simulator(config.withSeed(config.seed() + run), paced, start).run();
                exitAll(mms, start + duration + 1, paced);
            } catch (PacedSink.Stopped stopped) {
                return false;
            }
            start += duration + GAP_NS;
        }
        return true;
    }

    private static void exitAll(Set<Long> mms, long ts, EventSink sink) {
        TraceEvent exit = new TraceEvent();
        for (long mm : mms) {
            exit.clear();
            exit.type = EventType.MM_EXIT;
            exit.ts = ts;
            exit.pid = 1;
            exit.tid = 1;
            exit.comm = "qemu-system-x86";
            exit.cpu = 0;
            exit.mm = mm;
            sink.accept(exit);
        }
        mms.clear();
    }

    @Override
    public void close() {}
}
