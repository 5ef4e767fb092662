package io.pudwatch.incident;

import static io.pudwatch.incident.TimelineEvents.MM;
import static io.pudwatch.incident.TimelineEvents.PUDP;
import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Incident;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmEventRingsTest {
    private final TimelineEvents events = new TimelineEvents();
    private final MmEventRings rings = new MmEventRings(16, 2);
    private final List<Incident> incidents = new ArrayList<>();
    private final Pipeline pipeline =
            new Pipeline(CorrelatorConfig.defaults(), 1_000, incidents::add);

    private void feed(TraceEvent e) {
        rings.accept(e);
        pipeline.accept(e);
    }

    private void crash(long t0) {
        feed(events.walkStart(t0));
        feed(events.split(t0 + 100, PUDP + 8));
        feed(events.split(t0 + 200, PUDP));
        feed(events.install(t0 + 1_300, PUDP));
        feed(events.install(t0 + 1_350, PUDP + 8));
        feed(events.fault(t0 + 2_000));
    }

    @Test
    void aCrashTimelineHoldsTheWalkStartTheSplitTheReinstallAndTheFault() {
        crash(1_000_000);
        pipeline.end();

        Incident crashed =
                incidents.stream().filter(i -> i.pudp() == PUDP).findFirst().orElseThrow();
        List<TimelineEvent> timeline = rings.timeline(crashed, 10_000, 1_000);

        assertThat(timeline)
                .extracting(TimelineEvent::type)
                .containsExactly(
                        EventType.WALK_START,
                        EventType.PUD_SPLIT,
                        EventType.PUD_INSTALL,
                        EventType.KERNEL_FAULT);
        assertThat(timeline.get(1).pudp()).isEqualTo(PUDP);
        assertThat(timeline.get(2).comm()).isEqualTo("qemu-system-x86");
        assertThat(timeline.get(3).ip()).isEqualTo(0xffffffff813a61d3L);
    }

    @Test
    void aFullRingKeepsTheNewestEvents() {
        for (int i = 0; i < 40; i++) {
            feed(events.install(1_000 + i, PUDP + 8));
        }
        crash(2_000_000);
        pipeline.end();

        Incident crashed =
                incidents.stream().filter(i -> i.pudp() == PUDP).findFirst().orElseThrow();
        assertThat(rings.timeline(crashed, 5_000_000, 0))
                .extracting(TimelineEvent::type)
                .contains(EventType.PUD_SPLIT, EventType.KERNEL_FAULT)
                .hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void theLeastRecentlyActiveMmIsEvictedBeyondTheCap() {
        crash(1_000_000);
        pipeline.end();
        Incident crashed =
                incidents.stream().filter(i -> i.pudp() == PUDP).findFirst().orElseThrow();

        TraceEvent other = events.install(3_000_000, 0x1000);
        other.mm = MM + 0x400;
        rings.accept(other);
        assertThat(rings.timeline(crashed, 10_000, 1_000)).isNotEmpty();
        other.mm = MM + 0x800;
        rings.accept(other);

        assertThat(rings.evictions()).isEqualTo(1);
        assertThat(rings.timeline(crashed, 10_000, 1_000)).isEmpty();
    }

    @Test
    void walksOfProcessesWithoutPudActivityTakeNoRing() {
        for (int i = 0; i < 100; i++) {
            rings.accept(
                    events.otherWalkStart(1_000 + i, 0xffff888200000000L + i * 0x400, 7000 + i));
        }
        crash(1_000_000);
        pipeline.end();

        assertThat(rings.evictions()).isZero();
    }
}
