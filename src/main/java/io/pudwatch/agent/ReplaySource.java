package io.pudwatch.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.event.EventSink;
import io.pudwatch.trace.TraceReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Replays a recorded trace (format v1) at a chosen speed: real time, a multiple of it, or as fast
 * as it can be read. A malformed line fails the source with the file and line in the message.
 */
public final class ReplaySource implements EventSource {
    private final Path file;
    private final double speed;
    private volatile JsonNode header;

    /**
     * @param speed times real time; {@link Double#POSITIVE_INFINITY} for as fast as possible
     */
    public ReplaySource(Path file, double speed) {
        this.file = file;
        this.speed = Pacer.checkSpeed(speed, "replay");
    }

    @Override
    public String describe() {
        return "replay of " + file;
    }

    /** The trace's header line, once the replay has read it; {@code null} before or without one. */
    public JsonNode header() {
        return header;
    }

    @Override
    public boolean run(EventSink sink, LongConsumer idle, StopSignal stop) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            TraceReader reader = new TraceReader(file.toString(), in, false);
            Pacer pacer = Pacer.realTime(speed);
            EventSink publishing =
                    event -> {
                        if (header == null) {
                            header = reader.header();
                        }
                        sink.accept(event);
                    };
            try {
                reader.readAll(new PacedSink(publishing, pacer, stop));
            } catch (PacedSink.Stopped stopped) {
                return false;
            } finally {
                header = reader.header();
            }
        }
        return true;
    }

    @Override
    public void close() {}
}
