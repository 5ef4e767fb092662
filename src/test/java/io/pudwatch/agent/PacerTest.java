package io.pudwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private long now = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();
    private boolean stop;

    private Pacer pacer(double speed) {
        return new Pacer(
                speed,
                () -> now,
                nanos -> {
                    sleeps.add(nanos);
                    now += nanos;
                });
    }

    @Test
    void eventsWaitUntilTheirOffsetDividedByTheSpeedHasPassed() throws Exception {
        Pacer pacer = pacer(2);

        assertThat(pacer.awaitDue(1_000_000_000L, () -> stop)).isTrue();
        assertThat(pacer.awaitDue(1_040_000_000L, () -> stop)).isTrue();

        assertThat(sleeps).containsExactly(20_000_000L);
    }

    @Test
    void longWaitsAreCutIntoSlicesThatSeeAStopRequest() throws Exception {
        Pacer pacer = pacer(1);
        pacer.awaitDue(0, () -> stop);

        boolean due =
                pacer.awaitDue(
                        10_000_000_000L,
                        () -> {
                            boolean asked = stop;
                            stop = true;
                            return asked;
                        });

        assertThat(due).isFalse();
        assertThat(sleeps).containsExactly(100_000_000L);
    }

    @Test
    void anEventOlderThanTheOriginIsNotHeldBack() throws Exception {
        Pacer pacer = pacer(1);
        pacer.awaitDue(1_000_000_000L, () -> stop);

        assertThat(pacer.awaitDue(999_000_000L, () -> stop)).isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void maximumSpeedNeverSleeps() throws Exception {
        Pacer pacer = pacer(Double.POSITIVE_INFINITY);

        pacer.awaitDue(0, () -> stop);
        pacer.awaitDue(3_600_000_000_000L, () -> stop);

        assertThat(sleeps).isEmpty();
    }
}
