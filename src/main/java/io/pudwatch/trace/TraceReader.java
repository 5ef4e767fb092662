package io.pudwatch.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pudwatch.event.EventSink;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads trace format v1 (JSON Lines, {@code docs/trace-format.md}) and hands each event to a sink,
 * reusing one event instance.
 *
 * <p>A malformed line stops the read with a {@link TraceFormatException} naming the source and
 * line, unless the reader was told to skip such lines, in which case they are counted by reason.
 * Unknown event types and unknown fields are always skipped and counted, so that a newer agent's
 * traces still replay.
 */
public final class TraceReader {
    /** No v1 line comes near this; a longer one is garbage, not a trace. */
    static final int MAX_LINE_BYTES = 1 << 20;

    // Distinct reasons kept for the summary; the rest are counted under one entry.
    private static final int MAX_REASONS = 32;

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build();

    private final String source;
    private final InputStream in;
    private final boolean skipInvalid;
    private final ReadStats stats = new ReadStats();
    private final StringPool strings = new StringPool();
    private final TraceEvent event = new TraceEvent();
    private final EventFields fields = new EventFields(strings);
    private final FlatLineDecoder fast;

    // 1 MiB: large reads keep replay's system time low; also the longest line allowed.
    private byte[] buffer = new byte[MAX_LINE_BYTES];
    private JsonNode header;

    /**
     * @param source the name used in error messages: the file's path, or {@code stdin}
     * @param skipInvalid count malformed lines and go on instead of stopping
     */
    public TraceReader(String source, InputStream in, boolean skipInvalid) {
        this(source, in, skipInvalid, true);
    }

    /** With {@code fastPath} false every line goes through Jackson: for holding the two equal. */
    TraceReader(String source, InputStream in, boolean skipInvalid, boolean fastPath) {
        this.source = source;
        this.in = in;
        this.skipInvalid = skipInvalid;
        this.fast = fastPath ? new FlatLineDecoder(strings) : null;
    }

    public ReadStats stats() {
        return stats;
    }

    /** The header line's object, or {@code null} when the trace has none. */
    public JsonNode header() {
        return header;
    }

    /** Reads to the end, calling {@code sink.accept} per event; does not call {@code end}. */
    public void readAll(EventSink sink) throws IOException, TraceFormatException {
        int start = 0;
        int limit = 0;
        boolean eof = false;
        long lineNo = 0;
        while (true) {
            int newline = indexOf(buffer, start, limit, (byte) '\n');
            if (newline < 0 && !eof) {
                if (start > 0) {
                    System.arraycopy(buffer, start, buffer, 0, limit - start);
                    limit -= start;
                    start = 0;
                }
                if (limit == buffer.length) {
                    if (buffer.length >= MAX_LINE_BYTES) {
                        throw new TraceFormatException(
                                source,
                                lineNo + 1,
                                "line is longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = in.read(buffer, limit, buffer.length - limit);
                if (n < 0) {
                    eof = true;
                } else {
                    limit += n;
                }
                continue;
            }
            int end = newline >= 0 ? newline : limit;
            if (newline < 0 && start == end) {
                return;
            }
            lineNo++;
            handleLine(lineNo, start, end, sink);
            start = newline >= 0 ? newline + 1 : limit;
        }
    }

    private void handleLine(long lineNo, int start, int end, EventSink sink)
            throws TraceFormatException {
        stats.lines++;
        while (end > start && isSpace(buffer[end - 1])) {
            end--;
        }
        while (start < end && isSpace(buffer[start])) {
            start++;
        }
        if (start == end) {
            stats.blankLines++;
            return;
        }
        try {
            if (lineNo == stats.blankLines + 1 && looksLikeHeader(start, end)) {
                readHeader(lineNo, start, end);
                return;
            }
            boolean decoded = fast != null && fast.decode(buffer, start, end, event);
            if (decoded || parseEvent(lineNo, start, end)) {
                stats.events[event.type.ordinal()]++;
                sink.accept(event);
            }
        } catch (TraceFormatException e) {
            if (!skipInvalid) {
                throw e;
            }
            stats.invalidLines++;
            if (stats.firstInvalid == null) {
                stats.firstInvalid = e.getMessage();
            }
            String reason =
                    stats.invalidReasons.size() < MAX_REASONS
                                    || stats.invalidReasons.containsKey(e.problem())
                            ? e.problem()
                            : "other problems";
            stats.invalidReasons.merge(reason, 1L, Long::sum);
        }
    }

    private boolean parseEvent(long lineNo, int start, int end) throws TraceFormatException {
        event.clear();
        fields.begin(source, lineNo);
        int unknownFields = 0;
        try (JsonParser parser = JSON.createParser(buffer, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fields.error("expected a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!fields.read(name, parser, event)) {
                    unknownFields++;
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw fields.error("the object is not closed");
            }
            if (parser.nextToken() != null) {
                throw fields.error("unexpected text after the JSON object");
            }
        } catch (JsonParseException e) {
            throw fields.error("bad JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw fields.error("unreadable JSON: " + e.getMessage());
        }
        if (fields.unknownType() != null) {
            stats.unknownTypes.merge(fields.unknownType(), 1L, Long::sum);
            return false;
        }
        fields.checkRequired(event);
        stats.unknownFields += unknownFields;
        return true;
    }

    // A header is an object with a "format" key; cheap to spot before parsing.
    private boolean looksLikeHeader(int start, int end) {
        byte[] key = {'"', 'f', 'o', 'r', 'm', 'a', 't', '"'};
        outer:
        for (int i = start; i + key.length <= end; i++) {
            for (int j = 0; j < key.length; j++) {
                if (buffer[i + j] != key[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private void readHeader(long lineNo, int start, int end) throws TraceFormatException {
        JsonNode node;
        try {
            node = new ObjectMapper(JSON).readTree(buffer, start, end - start);
        } catch (IOException e) {
            throw new TraceFormatException(source, lineNo, "bad JSON in the header line");
        }
        if (!node.isObject()) {
            throw new TraceFormatException(source, lineNo, "the header is not a JSON object");
        }
        if (!"pudwatch-trace".equals(node.path("format").asText(null))) {
            throw new TraceFormatException(
                    source,
                    lineNo,
                    "header field 'format' must be \"pudwatch-trace\", not " + node.path("format"));
        }
        JsonNode version = node.path("version");
        if (!version.isIntegralNumber() || version.asLong() != 1) {
            throw new TraceFormatException(
                    source,
                    lineNo,
                    "trace format version " + version + " is not supported; this reader takes 1");
        }
        header = node;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
