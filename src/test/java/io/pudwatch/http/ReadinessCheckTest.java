package io.pudwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.agent.Agent;
import io.pudwatch.agent.EventSource;
import io.pudwatch.agent.HeartbeatSource;
import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;
import io.pudwatch.http.ReadinessCheck.SourceKind;
import io.pudwatch.metrics.ProbeState;
import io.pudwatch.metrics.ProbeStates;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadinessCheckTest {
    private long now = 1_000_000_000_000L;
    private Agent agent;

    @AfterEach
    void close() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aReplayThatEndedCleanlyStaysReady() throws Exception {
        agent = new Agent(new Scripted(1, true, null), CorrelatorConfig.defaults(), 0);
        ReadinessCheck check = check(agent, null, ProbeStates.none(), SourceKind.FINITE);
        assertThat(check.check().ready()).isFalse();

        agent.start();
        agent.awaitFinished(30, TimeUnit.SECONDS);

        Readiness r = check.check();
        assertThat(r.ready()).isTrue();
        assertThat(r.body()).contains("ended cleanly, 1 events");
    }

    @Test
    void aFailedSourceIsNotReadyAndSaysWhy() throws Exception {
        agent =
                new Agent(
                        new Scripted(0, true, "trace.jsonl:3: bad JSON"),
                        CorrelatorConfig.defaults(),
                        0);
        agent.start();
        agent.awaitFinished(30, TimeUnit.SECONDS);

        Readiness r = check(agent, null, ProbeStates.none(), SourceKind.FINITE).check();

        assertThat(r.ready()).isFalse();
        assertThat(r.body()).contains("failed: trace.jsonl:3: bad JSON");
    }

    @Test
    void aLiveSourceWithADetachedProbeIsNotReady() throws Exception {
        HeartbeatSource source = new HeartbeatSource(new Scripted(1, false, null));
        agent = new Agent(source, CorrelatorConfig.defaults(), 0);
        ProbeStates probes =
                () ->
                        List.of(
                                new ProbeState("pud_split", "tracepoint", true),
                                new ProbeState("pud_install", "kprobe", false));
        agent.start();
        ((Scripted) source.inner()).delivered.await(30, TimeUnit.SECONDS);
        now = System.nanoTime();

        Readiness r = check(agent, source, probes, SourceKind.LIVE).check();

        assertThat(r.ready()).isFalse();
        assertThat(r.reasons()).containsExactly("probe pud_install (kprobe) is not attached");
    }

    @Test
    void aLiveSourceSilentForLongerThanTheLimitIsNotReady() throws Exception {
        HeartbeatSource source = new HeartbeatSource(new Scripted(1, false, null));
        agent = new Agent(source, CorrelatorConfig.defaults(), 0);
        agent.start();
        ((Scripted) source.inner()).delivered.await(30, TimeUnit.SECONDS);
        ReadinessCheck check = check(agent, source, ProbeStates.none(), SourceKind.LIVE);

        now = agent.lastEventNanos() + Duration.ofSeconds(30).toNanos();
        assertThat(check.check().ready()).isTrue();
        now = agent.lastEventNanos() + Duration.ofSeconds(61).toNanos();
        Readiness stale = check.check();

        assertThat(stale.ready()).isFalse();
        assertThat(stale.body()).contains("no event and no idle tick for 61 s");
    }

    private ReadinessCheck check(Agent a, HeartbeatSource hb, ProbeStates probes, SourceKind kind) {
        return new ReadinessCheck(a, hb, probes, kind, Duration.ofMinutes(1), () -> now);
    }

    /** Delivers some walk_start events, then ends, fails, or waits to be stopped. */
    private static final class Scripted implements EventSource {
        final CountDownLatch delivered = new CountDownLatch(1);
        private final int events;
        private final boolean end;
        private final String failure;

        Scripted(int events, boolean end, String failure) {
            this.events = events;
            this.end = end;
            this.failure = failure;
        }

        @Override
        public String describe() {
            return "scripted source";
        }

        @Override
        public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) throws Exception {
            TraceEvent e = new TraceEvent();
            for (int i = 0; i < events; i++) {
                e.clear();
                e.type = EventType.WALK_START;
                e.ts = 1_000 + i;
                e.pid = 1;
                e.tid = 1;
                e.mm = 0xffff888100000000L;
                sink.accept(e);
            }
            delivered.countDown();
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            while (!end && !stop.stopRequested()) {
                Thread.sleep(5);
            }
            return end;
        }

        @Override
        public void close() {}
    }
}
