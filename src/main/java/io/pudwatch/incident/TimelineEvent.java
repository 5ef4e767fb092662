package io.pudwatch.incident;

import io.pudwatch.event.EventType;
import io.pudwatch.event.TraceEvent;

/**
 * One event of an incident's timeline, copied out of the per-mm ring when the incident is found.
 * Numbers the trace did not give hold {@link TraceEvent#ABSENT}; strings hold {@code null}.
 */
public record TimelineEvent(
        long ts,
        EventType type,
        long pid,
        long tid,
        String comm,
        long mm,
        long pudp,
        long addr,
        long ip,
        String walker,
        String source) {

    static TimelineEvent of(TraceEvent e) {
        return new TimelineEvent(
                e.ts,
                e.type,
                e.pid,
                e.tid,
                e.comm,
                e.mm,
                e.pudp,
                e.addr,
                e.hasIp ? e.ip : TraceEvent.ABSENT,
                e.walker,
                e.source);
    }
}
