package io.pudwatch.agent;

import io.pudwatch.event.EventSink;
import java.util.function.LongConsumer;

/**
 * Where the agent's events come from: the kernel's ring buffer, a recorded trace, or the simulator.
 * A source runs on the agent's feeder thread and is the only caller of the sink.
 */
public interface EventSource extends AutoCloseable {
    /** A short description for logs and {@code /readyz}: "live probes", "replay of x.jsonl". */
    String describe();

    /**
     * Delivers events to {@code sink} until the input ends or {@code stop} says so. A live source
     * that has nothing to deliver calls {@code idle} now and then with the current monotonic time
     * in nanoseconds (the clock of event timestamps), so that windows time out on a quiet host.
     *
     * @return true when the input ended by itself (end of a trace), false when stopped
     */
    boolean run(EventSink sink, LongConsumer idle, StopSignal stop) throws Exception;

    /** Releases what the source holds: probes, maps, files. Safe to call more than once. */
    @Override
    void close();

    /** Asks a running source to return. */
    interface StopSignal {
        boolean stopRequested();
    }
}
