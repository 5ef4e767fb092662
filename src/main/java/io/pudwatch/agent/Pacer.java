package io.pudwatch.agent;

import java.util.function.LongSupplier;

/**
 * Holds back events so that they arrive at {@code speed} times the pace their timestamps say: the
 * first event sets the origin, and each later one waits until its offset, divided by the speed, has
 * passed on the monotonic clock. An event older than one already seen is not held back.
 */
final class Pacer {
    /** Waits shorter than this are skipped: a sleep costs more than it corrects. */
    private static final long MIN_SLEEP_NS = 200_000;

    /** Waits are cut into slices this long so that a stop request is seen quickly. */
    private static final long SLICE_NS = 100_000_000;

    /** Parks the calling thread; tests substitute a clock that jumps. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private boolean started;
    private long eventOrigin;
    private long wallOrigin;

    /**
     * @param speed how many times faster than real time; {@link Double#POSITIVE_INFINITY} for no
     *     pacing at all
     */
    Pacer(double speed, LongSupplier nanoClock, Sleeper sleeper) {
        this.speed = checkSpeed(speed, "replay");
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Returns {@code speed} if it is one a pacer takes, else says which speed ({@code what}) is
     * wrong: sources check theirs when they are built, long before they pace anything.
     */
    static double checkSpeed(double speed, String what) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException(
                    "The " + what + " speed must be positive, not " + speed + ".");
        }
        return speed;
    }

    static Pacer realTime(double speed) {
        return new Pacer(
                speed,
                System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * Waits until the event stamped {@code ts} is due.
     *
     * @return false when {@code stop} asked to return while waiting
     */
    boolean awaitDue(long ts, EventSource.StopSignal stop) throws InterruptedException {
        if (speed == Double.POSITIVE_INFINITY) {
            return !stop.stopRequested();
        }
        if (!started) {
            started = true;
            eventOrigin = ts;
            wallOrigin = nanoClock.getAsLong();
            return !stop.stopRequested();
        }
        long due = wallOrigin + (long) ((ts - eventOrigin) / speed);
        while (true) {
            if (stop.stopRequested()) {
                return false;
            }
            long ahead = due - nanoClock.getAsLong();
            if (ahead < MIN_SLEEP_NS) {
                return true;
            }
            sleeper.sleepNanos(Math.min(ahead, SLICE_NS));
        }
    }
}
