package io.pudwatch.correlate;

import static io.pudwatch.correlate.Events.BASE;
import static io.pudwatch.correlate.Events.MM;
import static io.pudwatch.correlate.Events.OTHER_MM;
import static io.pudwatch.correlate.Events.OTHER_PUDP;
import static io.pudwatch.correlate.Events.OTHER_WALKER;
import static io.pudwatch.correlate.Events.PUDP;
import static io.pudwatch.correlate.Events.VFIO;
import static io.pudwatch.correlate.Events.WALKER;
import static io.pudwatch.correlate.Events.exit;
import static io.pudwatch.correlate.Events.fault;
import static io.pudwatch.correlate.Events.install;
import static io.pudwatch.correlate.Events.lost;
import static io.pudwatch.correlate.Events.pmdEntry;
import static io.pudwatch.correlate.Events.split;
import static io.pudwatch.correlate.Events.walkEnd;
import static io.pudwatch.correlate.Events.walkStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.event.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelatorRulesTest {
    private static final long GIB = 1L << 30;

    private final List<Incident> incidents = new ArrayList<>();
    private final Correlator correlator =
            new Correlator(
                    CorrelatorConfig.defaults().withWindowTimeout(Duration.ofMillis(1)),
                    incidents::add);

    private void feed(TraceEvent... events) {
        for (TraceEvent e : events) {
            correlator.accept(e);
        }
    }

    private Incident only() {
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    @Test
    void kernelFaultOfTheWalkerAfterAReinstallIsACrash() {
        feed(
                walkStart(10, WALKER, MM, "numa_maps"),
                split(100, WALKER, MM, PUDP, BASE + 5),
                install(150, VFIO, MM, PUDP, BASE),
                fault(160, WALKER));

        Incident i = only();
        assertThat(i.outcome()).isEqualTo(Outcome.CRASHED);
        assertThat(i.addr()).isEqualTo(BASE);
        assertThat(i.splitTs()).isEqualTo(100);
        assertThat(i.installTs()).isEqualTo(150);
        assertThat(i.closeTs()).isEqualTo(160);
        assertThat(i.windowNs()).isEqualTo(50);
        assertThat(i.walker().tid()).isEqualTo(WALKER);
        assertThat(i.walker().role()).isEqualTo("numa_maps");
        assertThat(i.installer().tid()).isEqualTo(VFIO);
        assertThat(i.installer().role()).isEqualTo("vfio_pci");
        assertThat(i.uncertain()).isFalse();
    }

    @Test
    void pmdEntryInsideTheSplitPudIsADescent() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                pmdEntry(170, WALKER, MM, BASE + GIB - 1));

        assertThat(only().outcome()).isEqualTo(Outcome.DESCENDED);
    }

    @Test
    void pmdEntryOutsideTheSplitPudClosesUnresolved() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                pmdEntry(170, WALKER, MM, BASE + GIB));

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(only().closeTs()).isEqualTo(170);
    }

    @Test
    void pmdEntryOfAnotherMmClosesUnresolved() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                pmdEntry(170, WALKER, OTHER_MM, BASE));

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void secondSplitOfTheSamePudIsARetryAndOpensANewWindow() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                split(200, WALKER, MM, PUDP, BASE),
                walkEnd(300, WALKER, MM));

        assertThat(only().outcome()).isEqualTo(Outcome.RETRIED);
        assertThat(only().closeTs()).isEqualTo(200);
        assertThat(correlator.stats().windowsOpened()).isEqualTo(2);
        assertThat(correlator.stats().windowsClosed(Outcome.UNRESOLVED)).isEqualTo(1);
    }

    @Test
    void splitOfAnotherPudClosesTheWindowUnresolved() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                split(200, WALKER, MM, OTHER_PUDP, BASE + GIB));

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(correlator.stats().openWindows()).isEqualTo(1);
    }

    @Test
    void splitOfTheSamePudInAnotherMmIsNoRetry() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                split(200, WALKER, OTHER_MM, PUDP, BASE));

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
    }

    @Test
    void windowWithoutAReinstallIsNoIncident() {
        feed(split(100, WALKER, MM, PUDP, BASE), fault(160, WALKER));

        assertThat(incidents).isEmpty();
        assertThat(correlator.stats().windowsClosed(Outcome.CRASHED)).isEqualTo(1);
    }

    @Test
    void reinstallByTheWalkerItselfIsNoHit() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, WALKER, MM, PUDP, BASE),
                fault(160, WALKER));

        assertThat(incidents).isEmpty();
    }

    @Test
    void reinstallOfAnotherPudOrMmIsNoHit() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, OTHER_PUDP, BASE),
                install(151, VFIO, OTHER_MM, PUDP, BASE),
                fault(160, WALKER));

        assertThat(incidents).isEmpty();
    }

    @Test
    void reinstallAfterTheWindowClosedIsNoIncident() {
        feed(
                walkStart(10, WALKER, MM, "smaps"),
                split(100, WALKER, MM, PUDP, BASE),
                walkEnd(140, WALKER, MM),
                install(150, VFIO, MM, PUDP, BASE),
                fault(160, WALKER));

        assertThat(incidents).isEmpty();
    }

    @Test
    void firstReinstallIsTheHitAndLaterOnesAreIgnored() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                install(155, VFIO + 1, MM, PUDP, BASE),
                fault(160, WALKER));

        assertThat(only().installTs()).isEqualTo(150);
        assertThat(only().installer().tid()).isEqualTo(VFIO);
    }

    @Test
    void oneReinstallHitsTheWindowsOfEveryOtherWalkerOnThatPud() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                split(110, OTHER_WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                fault(160, WALKER),
                pmdEntry(170, OTHER_WALKER, MM, BASE));

        assertThat(incidents)
                .extracting(Incident::outcome)
                .containsExactly(Outcome.CRASHED, Outcome.DESCENDED);
    }

    @Test
    void walkStartAndWalkEndCloseTheWindowUnresolved() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                walkStart(160, WALKER, OTHER_MM, "numa_maps"),
                split(200, WALKER, MM, PUDP, BASE),
                install(250, VFIO, MM, PUDP, BASE),
                walkEnd(260, WALKER, OTHER_MM));

        assertThat(incidents)
                .extracting(Incident::outcome, Incident::closeTs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Outcome.UNRESOLVED, 160L),
                        org.assertj.core.groups.Tuple.tuple(Outcome.UNRESOLVED, 260L));
    }

    @Test
    void mmExitClosesEveryWindowOfThatMmInOpenOrder() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                split(105, 300, OTHER_MM, PUDP, BASE),
                split(110, OTHER_WALKER, MM, OTHER_PUDP, BASE + GIB),
                install(150, VFIO, MM, PUDP, BASE),
                install(151, VFIO, MM, OTHER_PUDP, BASE + GIB),
                install(152, VFIO, OTHER_MM, PUDP, BASE),
                exit(200, MM));

        assertThat(incidents)
                .extracting(i -> i.walker().tid())
                .containsExactly(WALKER, OTHER_WALKER);
        assertThat(incidents).allMatch(i -> i.outcome() == Outcome.UNRESOLVED);
        assertThat(correlator.stats().openWindows()).isEqualTo(1);
        assertThat(correlator.stats().trackedMms()).isEqualTo(1);
    }

    @Test
    void windowPastTheTimeoutClosesAtSplitPlusTimeoutBeforeTheNextEvent() {
        long timeout = Duration.ofMillis(1).toNanos();
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                fault(100 + timeout + 1, WALKER));

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(only().closeTs()).isEqualTo(100 + timeout);
    }

    @Test
    void windowExactlyAtTheTimeoutIsStillOpen() {
        long timeout = Duration.ofMillis(1).toNanos();
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                fault(100 + timeout, WALKER));

        assertThat(only().outcome()).isEqualTo(Outcome.CRASHED);
    }

    @Test
    void endOfInputClosesOpenWindowsAtTheLastEventsTime() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                install(170, VFIO, OTHER_MM, OTHER_PUDP, BASE));
        correlator.end();

        assertThat(only().outcome()).isEqualTo(Outcome.UNRESOLVED);
        assertThat(only().closeTs()).isEqualTo(170);
    }

    @Test
    void lostEventsMakeOpenWindowsUncertain() {
        feed(
                split(100, WALKER, MM, PUDP, BASE),
                lost(120, 3),
                install(150, VFIO, MM, PUDP, BASE),
                fault(160, WALKER),
                split(200, OTHER_WALKER, MM, PUDP, BASE),
                install(250, VFIO, MM, PUDP, BASE),
                fault(260, OTHER_WALKER));

        assertThat(incidents).extracting(Incident::uncertain).containsExactly(true, false);
        assertThat(correlator.stats().lostEvents()).isEqualTo(3);
    }

    @Test
    void walkerKindIsTheLastWalkStartsUntilItsWalkEnd() {
        feed(
                walkStart(10, WALKER, MM, "smaps"),
                walkEnd(20, WALKER, MM),
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                fault(160, WALKER));

        assertThat(only().walker().role()).isNull();
    }

    @Test
    void openWindowCapClosesTheOldestAndCountsIt() {
        Correlator capped =
                new Correlator(CorrelatorConfig.defaults().withMaxOpenWindows(2), incidents::add);
        capped.accept(split(100, 1, MM, PUDP, BASE));
        capped.accept(install(101, VFIO, MM, PUDP, BASE));
        capped.accept(split(110, 2, MM, OTHER_PUDP, BASE + GIB));
        capped.accept(split(120, 3, OTHER_MM, PUDP, BASE));

        assertThat(only().walker().tid()).isEqualTo(1);
        assertThat(only().closeTs()).isEqualTo(120);
        assertThat(capped.stats().windowsEvicted()).isEqualTo(1);
        assertThat(capped.stats().openWindows()).isEqualTo(2);
    }

    @Test
    void stateIsReleasedWhenWindowsCloseAndWalksEnd() {
        feed(
                walkStart(10, WALKER, MM, "numa_maps"),
                split(100, WALKER, MM, PUDP, BASE),
                install(150, VFIO, MM, PUDP, BASE),
                walkEnd(200, WALKER, MM));

        assertThat(correlator.stats().openWindows()).isZero();
        assertThat(correlator.stats().trackedThreads()).isZero();
        assertThat(correlator.stats().trackedMms()).isZero();
    }

    @Test
    void threadCapForgetsTheLeastRecentlySeenWalker() {
        Correlator capped =
                new Correlator(CorrelatorConfig.defaults().withMaxThreads(2), incidents::add);
        capped.accept(walkStart(10, 1, MM, "smaps"));
        capped.accept(walkStart(20, 2, MM, "numa_maps"));
        capped.accept(walkStart(30, 3, MM, "numa_maps"));
        capped.accept(split(100, 1, MM, PUDP, BASE));
        capped.accept(install(150, VFIO, MM, PUDP, BASE));
        capped.accept(fault(160, 1));

        assertThat(only().walker().role()).isNull();
        assertThat(capped.stats().threadsForgotten()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void advancingIdleTimeClosesTimedOutWindows() {
        feed(split(100, WALKER, MM, PUDP, BASE), install(150, VFIO, MM, PUDP, BASE));
        correlator.advanceTo(100 + Duration.ofMillis(2).toNanos());

        assertThat(only().closeTs()).isEqualTo(100 + Duration.ofMillis(1).toNanos());
    }

    @Test
    void aLateEventDoesNotMoveTheEndOfInputBackwards() {
        feed(
                split(1_000, WALKER, MM, PUDP, BASE),
                install(1_100, VFIO, MM, PUDP, BASE),
                install(20, VFIO, OTHER_MM, OTHER_PUDP, BASE));
        correlator.end();

        assertThat(only().closeTs()).isEqualTo(1_100);
    }

    @Test
    void aLateSplitTimesOutByItsOwnTimeNotBehindNewerWindows() {
        long timeout = Duration.ofMillis(1).toNanos();
        feed(
                split(5_000_000, WALKER, MM, PUDP, BASE),
                split(1_000, OTHER_WALKER, OTHER_MM, OTHER_PUDP, BASE),
                install(1_500, VFIO, OTHER_MM, OTHER_PUDP, BASE),
                pmdEntry(1_000 + timeout + 1, 300, MM, BASE));

        assertThat(only().walker().tid()).isEqualTo(OTHER_WALKER);
        assertThat(only().closeTs()).isEqualTo(1_000 + timeout);
    }
}
