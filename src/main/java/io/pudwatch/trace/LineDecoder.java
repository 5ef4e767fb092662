package io.pudwatch.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.pudwatch.event.StringPool;
import io.pudwatch.event.TraceEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a run of complete trace lines into an {@link EventBatch}: the part of reading a trace
 * that one thread does. Each instance has its own string pool, and counts what it sees in the batch
 * it fills, so that two threads can decode two chunks of a trace at once.
 */
final class LineDecoder {
    static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build();

    private final String source;
    private final boolean skipInvalid;
    private ReadStats stats;
    private final StringPool strings = new StringPool();
    private final EventFields fields;
    private final FlatLineDecoder fast;
    private TraceEvent event;
    private byte[] buffer;
    private String headerText;

    LineDecoder(String source, boolean skipInvalid, boolean fastPath) {
        this.source = source;
        this.skipInvalid = skipInvalid;
        this.fields = new EventFields(strings);
        this.fast = fastPath ? new FlatLineDecoder(strings) : null;
    }

    /** The header's text, once a header line has been decoded. */
    String headerText() {
        return headerText;
    }

    /**
     * Decodes the lines of {@code bytes[0, end)}, which ends at a line end or the input's end,
     * numbering them from one. Stops at the first malformed line unless malformed lines are
     * skipped, leaving the error in the batch.
     *
     * @param headerAllowed whether the first non-blank line may be the header
     * @return the number of lines decoded
     */
    long decode(byte[] bytes, int end, boolean headerAllowed, EventBatch batch) {
        buffer = bytes;
        stats = batch.stats();
        long lineNo = 0;
        boolean mayBeHeader = headerAllowed;
        int from = 0;
        while (from < end) {
            // Most lines are pudwatch's own, which the fast path decodes as it looks for their
            // end. It leaves the first lines that are not blank to the header check below.
            if (fast != null && !mayBeHeader) {
                TraceEvent e = batch.next();
                int next = fast.decodeLine(bytes, from, end, e);
                if (next >= 0) {
                    lineNo++;
                    stats.lines++;
                    stats.events[e.type.ordinal()]++;
                    batch.commit();
                    from = next;
                    continue;
                }
            }
            int newline = indexOf(bytes, from, end, (byte) '\n');
            int lineEnd = newline >= 0 ? newline : end;
            lineNo++;
            try {
                mayBeHeader = decodeLine(lineNo, from, lineEnd, mayBeHeader, batch);
            } catch (TraceFormatException e) {
                if (!skipInvalid) {
                    batch.fail(e);
                    return lineNo;
                }
                countInvalid(e, batch);
                // A malformed line is not blank, so no header may follow it.
                mayBeHeader = false;
            }
            from = newline >= 0 ? newline + 1 : end;
        }
        return lineNo;
    }

    /** Returns whether the next line may still be the header (only blank lines so far). */
    private boolean decodeLine(
            long lineNo, int start, int end, boolean mayBeHeader, EventBatch batch)
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
            return mayBeHeader;
        }
        if (end - start > TraceReader.MAX_LINE_BYTES) {
            throw new TraceFormatException(source, lineNo, TraceReader.LINE_TOO_LONG);
        }
        if (mayBeHeader && looksLikeHeader(start, end)) {
            readHeader(lineNo, start, end);
            return false;
        }
        event = batch.next();
        // Past the header's place the fast path has had its try in decode().
        boolean decoded =
                fast != null && mayBeHeader && fast.decodeLine(buffer, start, end, event) >= 0;
        if (decoded || parseEvent(lineNo, start, end)) {
            stats.events[event.type.ordinal()]++;
            batch.commit();
        }
        return false;
    }

    private void countInvalid(TraceFormatException e, EventBatch batch) {
        stats.invalidLines++;
        batch.noteInvalid(e);
        stats.invalidReasons.add(e.problem(), 1);
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
            stats.unknownTypes.add(fields.unknownType(), 1);
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

    // The header is checked with the streaming parser and kept as text: building a tree needs
    // databind, whose start-up costs a short replay a fifth of its time, and only 'run
    // --replay' asks for the header's fields.
    private void readHeader(long lineNo, int start, int end) throws TraceFormatException {
        String format = null;
        JsonToken versionToken = null;
        long version = 0;
        try (JsonParser parser = JSON.createParser(buffer, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new TraceFormatException(source, lineNo, "the header is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("format") && value == JsonToken.VALUE_STRING) {
                    format = parser.getText();
                } else if (name.equals("version")) {
                    versionToken = value;
                    version = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : 0;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new TraceFormatException(source, lineNo, "bad JSON in the header line");
        }
        if (!"pudwatch-trace".equals(format)) {
            throw new TraceFormatException(
                    source,
                    lineNo,
                    "header field 'format' must be \"pudwatch-trace\", not "
                            + (format == null ? "missing" : "\"" + format + "\""));
        }
        if (versionToken != JsonToken.VALUE_NUMBER_INT || version != 1) {
            throw new TraceFormatException(
                    source,
                    lineNo,
                    "trace format version "
                            + (versionToken == JsonToken.VALUE_NUMBER_INT ? version : "missing")
                            + " is not supported; this reader takes 1");
        }
        headerText = new String(buffer, start, end - start, StandardCharsets.UTF_8);
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
