package io.pudwatch.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.Hex;
import io.pudwatch.event.TraceEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes events as trace format v1, one JSON object per line, after a header line. */
public final class TraceWriter implements EventSink, AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator out;

    /**
     * @param header free fields for the header line (host, kernel release, ...); {@code format} and
     *     {@code version} are added
     */
    public TraceWriter(OutputStream stream, Map<String, ?> header) throws IOException {
        out = JSON.createGenerator(stream, JsonEncoding.UTF8);
        out.setRootValueSeparator(null);
        out.writeStartObject();
        out.writeStringField("format", "pudwatch-trace");
        out.writeNumberField("version", 1);
        for (Map.Entry<String, ?> field : header.entrySet()) {
            out.writeFieldName(field.getKey());
            Object value = field.getValue();
            if (value instanceof Number n) {
                out.writeNumber(n.longValue());
            } else if (value == null) {
                out.writeNull();
            } else {
                out.writeString(value.toString());
            }
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    @Override
    public void accept(TraceEvent e) {
        try {
            write(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void write(TraceEvent e) throws IOException {
        out.writeStartObject();
        out.writeNumberField("ts", e.ts);
        out.writeStringField("type", e.type.wireName());
        optionalNumber("cpu", e.cpu);
        optionalNumber("pid", e.pid);
        optionalNumber("tid", e.tid);
        if (e.comm != null) {
            out.writeStringField("comm", e.comm);
        }
        switch (e.type) {
            case WALK_START -> {
                hex("mm", e.mm);
                if (e.walker != null) {
                    out.writeStringField("walker", e.walker);
                }
            }
            case WALK_END, MM_EXIT -> hex("mm", e.mm);
            case PUD_SPLIT -> {
                hex("mm", e.mm);
                hex("pudp", e.pudp);
                hex("addr", e.addr);
            }
            case PUD_INSTALL -> {
                hex("mm", e.mm);
                hex("pudp", e.pudp);
                hex("addr", e.addr);
                if (e.source != null) {
                    out.writeStringField("source", e.source);
                }
                if (e.hasPfn) {
                    hex("pfn", e.pfn);
                }
            }
            case PMD_ENTRY -> {
                hex("mm", e.mm);
                hex("addr", e.addr);
            }
            case KERNEL_FAULT -> {
                hex("addr", e.addr);
                if (e.hasIp) {
                    hex("ip", e.ip);
                }
            }
            case LOST -> out.writeNumberField("count", e.count);
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private void optionalNumber(String name, long value) throws IOException {
        if (value != TraceEvent.ABSENT) {
            out.writeNumberField(name, value);
        }
    }

    private void hex(String name, long value) throws IOException {
        out.writeStringField(name, Hex.format(value));
    }

    /** Pushes buffered lines to the stream, so a live recording survives a crash of the agent. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void end() {
        try {
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
