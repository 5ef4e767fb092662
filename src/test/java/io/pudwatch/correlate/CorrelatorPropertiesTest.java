package io.pudwatch.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Holds the correlator against {@link ReferenceCorrelator} over random interleavings drawn from a
 * small world (two mms, two PUD slots, a few threads) so that collisions are common.
 */
class CorrelatorPropertiesTest {
    private static final long[] MMS = {0xffff888100000000L, 0xffff888100000400L};
    private static final long[] PUDPS = {0xffff888120001000L, 0xffff888120001008L};
    private static final long[] ADDRS = {0x7e0000000000L, 0x7e0040000000L, 0x7e0040001000L};
    private static final String[] KINDS = {"numa_maps", "smaps", null};

    @Property(tries = 400)
    void correlatorAgreesWithTheReferenceOnSortedInput(
            @ForAll("traces") List<TraceEvent> trace,
            @ForAll @LongRange(min = 1, max = 60) long timeout,
            @ForAll @IntRange(min = 1, max = 4) int maxOpen) {
        List<TraceEvent> sorted = new ArrayList<>(trace);
        sorted.sort(Comparator.comparingLong(e -> e.ts));

        List<Incident> actual = new ArrayList<>();
        CorrelatorConfig config =
                new CorrelatorConfig(timeout, maxOpen, CorrelatorConfig.DEFAULT_MAX_THREADS);
        Correlator correlator = new Correlator(config, actual::add);
        sorted.forEach(correlator::accept);
        correlator.end();

        assertThat(actual).isEqualTo(ReferenceCorrelator.run(sorted, timeout, maxOpen));
    }

    @Property(tries = 400)
    void shufflesWithinTheReorderWindowGiveTheSortedResult(
            @ForAll("traces") List<TraceEvent> trace,
            @ForAll @LongRange(min = 0, max = 12) long reorderWindow,
            @ForAll @LongRange(min = 1, max = 60) long timeout,
            @ForAll long seed) {
        List<TraceEvent> sorted = new ArrayList<>(trace);
        sorted.sort(Comparator.comparingLong(e -> e.ts));
        List<TraceEvent> arrival = shuffleWithin(sorted, reorderWindow, new Random(seed));

        List<Incident> actual = new ArrayList<>();
        CorrelatorConfig config =
                new CorrelatorConfig(timeout, 1_000, CorrelatorConfig.DEFAULT_MAX_THREADS);
        Pipeline pipeline = new Pipeline(config, reorderWindow, actual::add);
        arrival.forEach(pipeline::accept);
        pipeline.end();

        assertThat(pipeline.reorderBuffer().lateEvents()).isZero();
        assertThat(actual).isEqualTo(ReferenceCorrelator.run(arrival, timeout, 1_000));
    }

    /** Delays each event by up to {@code window} and delivers in order of the delayed times. */
    private static List<TraceEvent> shuffleWithin(List<TraceEvent> sorted, long window, Random r) {
        List<long[]> keys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            // Half the events take the full window, the worst case for the buffer's release rule.
            long delay = r.nextBoolean() ? window : (long) (r.nextDouble() * (window + 1));
            keys.add(new long[] {sorted.get(i).ts + Math.min(delay, window), i, r.nextInt()});
        }
        // Equal delivery times go in random order: an event exactly one window late is allowed.
        keys.sort(Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[2]));
        List<TraceEvent> out = new ArrayList<>();
        for (long[] k : keys) {
            out.add(sorted.get((int) k[1]));
        }
        return out;
    }

    @Provide
    Arbitrary<List<TraceEvent>> traces() {
        return event().list().ofMinSize(0).ofMaxSize(60);
    }

    private Arbitrary<TraceEvent> event() {
        Arbitrary<EventType> types =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(EventType.WALK_START)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(EventType.WALK_END)),
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(EventType.PUD_SPLIT)),
                        net.jqwik.api.Tuple.of(6, Arbitraries.just(EventType.PUD_INSTALL)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(EventType.PMD_ENTRY)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(EventType.KERNEL_FAULT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(EventType.MM_EXIT)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(EventType.LOST)));
        return Combinators.combine(
                        types,
                        Arbitraries.longs().between(0, 100),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, MMS.length - 1),
                        Arbitraries.integers().between(0, PUDPS.length - 1),
                        Arbitraries.integers().between(0, ADDRS.length - 1),
                        Arbitraries.integers().between(0, KINDS.length - 1),
                        Arbitraries.of(true, false))
                .as(CorrelatorPropertiesTest::build);
    }

    private static TraceEvent build(
            EventType type, long ts, int tid, int mm, int pudp, int addr, int kind, boolean comm) {
        TraceEvent e = new TraceEvent();
        e.type = type;
        e.ts = ts;
        if (type.hasThread()) {
            e.tid = tid;
            e.pid = tid;
            e.comm = comm ? "t" + tid : null;
        }
        e.mm = MMS[mm];
        e.pudp = PUDPS[pudp];
        e.addr = ADDRS[addr];
        e.walker = KINDS[kind];
        e.source = "vfio_pci";
        e.count = 1 + tid;
        return e;
    }
}
