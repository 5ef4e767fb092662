package io.pudwatch.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pudwatch.event.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads trace format v1 (JSON Lines, {@code docs/trace-format.md}) and hands each event to a sink
 * in file order.
 *
 * <p>A malformed line stops the read with a {@link TraceFormatException} naming the source and
 * line, unless the reader was told to skip such lines, in which case they are counted by reason.
 * Unknown event types and unknown fields are always skipped and counted, so that a newer agent's
 * traces still replay.
 *
 * <p>Decoding is most of a replay's work, so a large block of input is split at a line end and its
 * two halves are decoded at once, one on a helper thread, then delivered in order. Events, errors
 * and counts are the same as one thread's; a property test holds them so.
 */
public final class TraceReader {
    /** No v1 line comes near this; a longer one is garbage, not a trace. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * 8 MiB blocks: about 45,000 events, enough that handing half to another thread costs little,
     * small enough that the decoded events of a block stay in the caches' reach.
     */
    private static final int BLOCK_BYTES = 8 << 20;

    /** Below this a block is decoded on the calling thread alone: a hand-off would cost more. */
    static final int PARALLEL_MIN_BYTES = 1 << 20;

    private final String source;
    private final InputStream in;
    private final int parallelMinBytes;
    private final LineDecoder first;
    private final LineDecoder second;
    private final EventBatch firstBatch = new EventBatch();
    private final EventBatch secondBatch = new EventBatch();

    private final byte[] buffer = new byte[BLOCK_BYTES];
    private String firstInvalid;
    private volatile JsonNode header;
    private volatile String headerText;

    /**
     * @param source the name used in error messages: the file's path, or {@code stdin}
     * @param skipInvalid count malformed lines and go on instead of stopping
     */
    public TraceReader(String source, InputStream in, boolean skipInvalid) {
        this(source, in, skipInvalid, true, PARALLEL_MIN_BYTES);
    }

    /** With {@code fastPath} false every line goes through Jackson: for holding the two equal. */
    TraceReader(String source, InputStream in, boolean skipInvalid, boolean fastPath) {
        this(source, in, skipInvalid, fastPath, PARALLEL_MIN_BYTES);
    }

    /** With a small {@code parallelMinBytes}, tests split even a few lines between threads. */
    TraceReader(
            String source,
            InputStream in,
            boolean skipInvalid,
            boolean fastPath,
            int parallelMinBytes) {
        this.source = source;
        this.in = in;
        this.parallelMinBytes = parallelMinBytes;
        this.first = new LineDecoder(source, skipInvalid, fastPath);
        this.second = new LineDecoder(source, skipInvalid, fastPath);
    }

    /**
     * What was read besides the events, once {@link #readAll} has returned. After a malformed line
     * stopped the read, the counts may include lines the helper thread decoded past it.
     */
    public ReadStats stats() {
        return ReadStats.merge(first.stats(), second.stats(), firstInvalid);
    }

    /** The header line's object, or {@code null} when the trace has none. */
    public JsonNode header() {
        if (header == null && headerText != null) {
            try {
                header = new ObjectMapper(LineDecoder.JSON).readTree(headerText);
            } catch (IOException e) {
                throw new IllegalStateException("The header was checked when it was read.", e);
            }
        }
        return header;
    }

    /** Reads to the end, calling {@code sink.accept} per event; does not call {@code end}. */
    public void readAll(EventSink sink) throws IOException, TraceFormatException {
        ExecutorService helper = null;
        try {
            int limit = 0;
            long nextLine = 1;
            boolean headerAllowed = true;
            boolean eof = false;
            while (!eof || limit > 0) {
                if (!eof) {
                    int n = in.readNBytes(buffer, limit, buffer.length - limit);
                    limit += n;
                    eof = limit < buffer.length;
                }
                int end = eof ? limit : lastLineEnd(limit, nextLine);
                if (end >= parallelMinBytes && helper == null) {
                    helper = Executors.newSingleThreadExecutor(TraceReader::helperThread);
                }
                nextLine += decodeBlock(end, nextLine, headerAllowed, helper, sink);
                // The header may only be the first line that is not blank.
                headerAllowed = first.stats().lines() == first.stats().blankLines();
                System.arraycopy(buffer, end, buffer, 0, limit - end);
                limit -= end;
                if (eof && limit == 0) {
                    break;
                }
            }
        } finally {
            if (helper != null) {
                helper.shutdownNow();
            }
        }
    }

    /** The end of the last complete line in the full buffer, just past its newline. */
    private int lastLineEnd(int limit, long nextLine) throws TraceFormatException {
        for (int i = limit - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        throw new TraceFormatException(
                source, nextLine, "line is longer than " + MAX_LINE_BYTES + " bytes");
    }

    private long decodeBlock(
            int end, long firstLine, boolean headerAllowed, ExecutorService helper, EventSink sink)
            throws TraceFormatException, IOException {
        firstBatch.reset();
        secondBatch.reset();
        if (end == 0) {
            return 0;
        }
        int split = helper == null || end < parallelMinBytes ? end : splitPoint(end);
        if (split == end) {
            long lines = first.decode(buffer, 0, end, firstLine, headerAllowed, firstBatch);
            noteHeader();
            deliver(firstBatch, sink);
            return lines;
        }

        long secondFirstLine = firstLine + countLines(0, split);
        Future<Long> firstHalf =
                helper.submit(
                        () -> first.decode(buffer, 0, split, firstLine, headerAllowed, firstBatch));
        long secondLines = second.decode(buffer, split, end, secondFirstLine, false, secondBatch);
        long firstLines = await(firstHalf);
        noteHeader();
        deliver(firstBatch, sink);
        deliver(secondBatch, sink);
        return firstLines + secondLines;
    }

    private void noteHeader() {
        if (headerText == null && first.headerText() != null) {
            headerText = first.headerText();
        }
    }

    private void deliver(EventBatch batch, EventSink sink) throws TraceFormatException {
        for (int i = 0; i < batch.size(); i++) {
            sink.accept(batch.get(i));
        }
        if (batch.error() != null) {
            throw batch.error();
        }
        if (firstInvalid == null) {
            firstInvalid =
                    first.stats().firstInvalid() != null
                            ? first.stats().firstInvalid()
                            : second.stats().firstInvalid();
        }
    }

    /** A line end near the middle of the block. */
    private int splitPoint(int end) {
        for (int i = end / 2; i < end; i++) {
            if (buffer[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }

    private long countLines(int from, int to) {
        long lines = 0;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static long await(Future<Long> half) throws IOException {
        try {
            return half.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while decoding the trace.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("Decoding the trace failed: " + e.getCause(), e.getCause());
        }
    }

    private static Thread helperThread(Runnable r) {
        Thread t = new Thread(r, "pudwatch-decode");
        t.setDaemon(true);
        return t;
    }

    static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
