package io.pudwatch.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pudwatch.event.EventSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads trace format v1 (JSON Lines, {@code docs/trace-format.md}) and hands each event to a sink
 * in file order.
 *
 * <p>A malformed line stops the read with a {@link TraceFormatException} naming the source and
 * line, unless the reader was told to skip such lines, in which case they are counted by reason.
 * Unknown event types and unknown fields are always skipped and counted, so that a newer agent's
 * traces still replay.
 *
 * <p>Decoding is most of a replay's work, so the input is cut at line ends into chunks that two
 * threads decode at once: the caller's and a helper. Either one reads the next chunk when none is
 * waiting to be decoded, and the caller delivers decoded chunks in file order between its own, so
 * that neither thread waits while the other reads or the sink works. A chunk is decoded with its
 * lines numbered from one; line numbers in errors are made absolute when the chunk is delivered, by
 * which time every line before it has been counted. Events, errors and counts are the same as one
 * thread's; a property test holds them so.
 */
public final class TraceReader {
    /** No v1 line comes near this; a longer one is garbage, not a trace. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** A line's problem when the decoder measures it too long or the reader finds no end to it. */
    static final String LINE_TOO_LONG = "line is longer than " + MAX_LINE_BYTES + " bytes";

    /** A line whose end is not found within this many bytes stops the read, skipped or not. */
    private static final int MAX_SCAN_BYTES = 8 << 20;

    /**
     * 2 MiB chunks: about 11,000 events, enough that a hand-over between threads costs nothing
     * measurable, small enough that the two threads finish a trace of tens of MiB close together.
     */
    static final int CHUNK_BYTES = 2 << 20;

    /** Chunks read, being decoded or waiting for delivery: one delivered, two decoded, one read. */
    private static final int SLOTS = 4;

    private enum Step {
        READ,
        DECODE,
        DELIVER,
        DONE
    }

    /** Input bytes cut at a line end and, once decoded, their events. */
    private static final class Chunk {
        byte[] bytes;
        int length;
        boolean headerAllowed;
        final EventBatch batch = new EventBatch();
        long lines;
        Throwable crash;
        boolean decoded;

        Chunk(int capacity) {
            bytes = new byte[capacity];
        }
    }

    private final String source;
    private final InputStream in;
    private final int chunkBytes;
    private final boolean twoThreads;
    private final LineDecoder callerDecoder;
    private final LineDecoder helperDecoder;
    private final Chunk[] slots = new Chunk[SLOTS];

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock: chunks [delivered, claimed) are being decoded or wait for delivery,
    // [claimed, read) wait to be decoded.
    private long read;
    private long claimed;
    private long delivered;
    private boolean reading;
    private boolean eof;
    private boolean closed;
    private Throwable readFailure;
    private boolean lineTooLong;

    // Touched only by the thread reading, which the 'reading' flag makes one at a time.
    private byte[] carry = new byte[4096];
    private int carryLength;
    private boolean contentSeen;

    // Touched only by the caller's thread.
    private long linesDelivered;
    private final ReadStats stats = new ReadStats();
    private volatile JsonNode header;
    private volatile String headerText;

    /**
     * @param source the name used in error messages: the file's path, or {@code stdin}
     * @param skipInvalid count malformed lines and go on instead of stopping
     */
    public TraceReader(String source, InputStream in, boolean skipInvalid) {
        this(source, in, skipInvalid, true, CHUNK_BYTES, true);
    }

    /** With {@code fastPath} false every line goes through Jackson: for holding the two equal. */
    TraceReader(String source, InputStream in, boolean skipInvalid, boolean fastPath) {
        this(source, in, skipInvalid, fastPath, CHUNK_BYTES, true);
    }

    /**
     * With small {@code chunkBytes}, tests cut even a few lines into many chunks; with {@code
     * twoThreads} false the caller's thread does everything.
     */
    TraceReader(
            String source,
            InputStream in,
            boolean skipInvalid,
            boolean fastPath,
            int chunkBytes,
            boolean twoThreads) {
        this.source = source;
        this.in = in;
        this.chunkBytes = Math.max(1, Math.min(chunkBytes, MAX_SCAN_BYTES));
        this.twoThreads = twoThreads;
        this.callerDecoder = new LineDecoder(source, skipInvalid, fastPath);
        this.helperDecoder = new LineDecoder(source, skipInvalid, fastPath);
    }

    /**
     * What was read besides the events, once {@link #readAll} has returned: each chunk's counts are
     * added as it is delivered, so after a malformed line stopped the read they end at that line.
     */
    public ReadStats stats() {
        return stats;
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
        Thread helper = null;
        try {
            while (true) {
                Step step;
                Chunk chunk = null;
                lock.lock();
                try {
                    step = next(true);
                    if (step == Step.DECODE) {
                        chunk = slot(claimed++);
                    } else if (step == Step.DELIVER) {
                        chunk = slot(delivered);
                    }
                } finally {
                    lock.unlock();
                }
                switch (step) {
                    case READ -> {
                        readChunk();
                        if (helper == null && twoThreads && !eof) {
                            helper = new Thread(this::helpDecode, "pudwatch-decode");
                            helper.setDaemon(true);
                            helper.start();
                        }
                    }
                    case DECODE -> decode(chunk, callerDecoder);
                    case DELIVER -> deliver(chunk, sink);
                    case DONE -> {
                        throwReadFailure();
                        return;
                    }
                }
            }
        } finally {
            lock.lock();
            try {
                closed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            // After an error the helper may be decoding a chunk nobody will take, or waiting on
            // input: it stops at its next step, and an interruptible stream stops it at once.
            if (helper != null) {
                helper.interrupt();
            }
        }
    }

    /**
     * What a thread does next, waiting until there is something; the thread holds the lock.
     * Delivering comes first, since it frees a slot; then decoding what was read; then reading. The
     * helper never delivers, and stops ({@code null}) when nothing is left for it.
     */
    private Step next(boolean caller) throws IOException {
        while (true) {
            boolean inputDone = eof || readFailure != null || lineTooLong;
            if (caller && delivered < claimed && slot(delivered).decoded) {
                return Step.DELIVER;
            }
            if (caller && delivered == read && inputDone) {
                return Step.DONE;
            }
            if (!caller && (closed || (claimed == read && inputDone))) {
                return null;
            }
            if (claimed < read) {
                return Step.DECODE;
            }
            if (!reading && !inputDone && read < delivered + SLOTS) {
                reading = true;
                return Step.READ;
            }
            try {
                changed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (caller) {
                    throw new InterruptedIOException("Interrupted while reading the trace.");
                }
                return null;
            }
        }
    }

    private Chunk slot(long index) {
        int i = (int) (index % SLOTS);
        if (slots[i] == null) {
            slots[i] = new Chunk(chunkBytes);
        }
        return slots[i];
    }

    private void helpDecode() {
        while (true) {
            Step step;
            Chunk chunk = null;
            lock.lock();
            try {
                try {
                    step = next(false);
                } catch (IOException e) {
                    return; // only the caller's thread throws from next()
                }
                if (step == null) {
                    return;
                }
                if (step == Step.DECODE) {
                    chunk = slot(claimed++);
                }
            } finally {
                lock.unlock();
            }
            if (step == Step.READ) {
                readChunk();
            } else {
                decode(chunk, helperDecoder);
            }
        }
    }

    private void decode(Chunk chunk, LineDecoder decoder) {
        chunk.batch.reset();
        chunk.crash = null;
        try {
            chunk.lines =
                    decoder.decode(chunk.bytes, chunk.length, chunk.headerAllowed, chunk.batch);
        } catch (RuntimeException | Error e) {
            // Raised on the caller's thread when the chunk's turn comes; here it would leave
            // the caller waiting for a chunk that never ends.
            chunk.crash = e;
        }
        lock.lock();
        try {
            chunk.decoded = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fills the next slot with the carried-over partial line and fresh input up to its last line
     * end, and publishes it. Never throws: a failure is kept for the caller to raise once every
     * chunk before it has been delivered.
     */
    private void readChunk() {
        Chunk chunk;
        lock.lock();
        try {
            chunk = slot(read);
        } finally {
            lock.unlock();
        }
        Throwable failure = null;
        boolean tooLong = false;
        boolean atEnd = false;
        boolean publish = false;
        try {
            int length = carryLength;
            // At least one byte past the carried partial line, which has no line end.
            int want = Math.max(chunkBytes, carryLength + 1);
            byte[] bytes = ensureCapacity(chunk, want);
            System.arraycopy(carry, 0, bytes, 0, carryLength);
            while (true) {
                int n = in.readNBytes(bytes, length, want - length);
                length += n;
                if (length < want) {
                    atEnd = true;
                    break;
                }
                if (lastLineEnd(bytes, length) > 0) {
                    break;
                }
                if (length >= MAX_SCAN_BYTES) {
                    tooLong = true;
                    break;
                }
                want = Math.min(MAX_SCAN_BYTES, 2 * want);
                bytes = ensureCapacity(chunk, want);
            }
            int end = atEnd ? length : lastLineEnd(bytes, length);
            publish = !tooLong && end > 0;
            if (publish) {
                carryLength = length - end;
                if (carry.length < carryLength) {
                    carry = new byte[Math.max(carryLength, 2 * carry.length)];
                }
                System.arraycopy(bytes, end, carry, 0, carryLength);
                chunk.length = end;
                chunk.headerAllowed = !contentSeen;
                contentSeen = contentSeen || hasContent(bytes, end);
            }
        } catch (IOException | RuntimeException | Error e) {
            // Kept for the caller, like a line too long; thrown here, on the helper's thread, it
            // would leave the caller waiting for a read that never ends.
            failure = e;
            publish = false;
        } finally {
            lock.lock();
            try {
                reading = false;
                readFailure = failure;
                lineTooLong = tooLong;
                eof = atEnd;
                if (publish) {
                    chunk.decoded = false;
                    read++;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private static byte[] ensureCapacity(Chunk chunk, int capacity) {
        if (chunk.bytes.length < capacity) {
            chunk.bytes = Arrays.copyOf(chunk.bytes, capacity);
        }
        return chunk.bytes;
    }

    /** Just past the last newline of {@code bytes[0, length)}, or 0 when there is none. */
    private static int lastLineEnd(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Whether any byte is more than a line end or a blank a blank line may hold: the header may
     * only be the first line that is not blank, and this is how a chunk knows it comes too late.
     */
    private static boolean hasContent(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != '\n' && b != ' ' && b != '\t' && b != '\r') {
                return true;
            }
        }
        return false;
    }

    private void deliver(Chunk chunk, EventSink sink) throws TraceFormatException {
        if (headerText == null) {
            headerText =
                    callerDecoder.headerText() != null
                            ? callerDecoder.headerText()
                            : helperDecoder.headerText();
        }
        EventBatch batch = chunk.batch;
        for (int i = 0; i < batch.size(); i++) {
            sink.accept(batch.get(i));
        }
        stats.add(batch.stats());
        if (stats.firstInvalid == null && batch.firstInvalid() != null) {
            stats.firstInvalid = absolute(batch.firstInvalid()).getMessage();
        }
        if (batch.error() != null) {
            throw absolute(batch.error());
        }
        if (chunk.crash != null) {
            throw unchecked(chunk.crash);
        }
        linesDelivered += chunk.lines;
        lock.lock();
        try {
            delivered++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The error with its line counted from the start of the input, not of its chunk. */
    private TraceFormatException absolute(TraceFormatException e) {
        return new TraceFormatException(source, linesDelivered + e.line(), e.problem());
    }

    private void throwReadFailure() throws IOException, TraceFormatException {
        if (readFailure instanceof IOException e) {
            throw e;
        }
        if (readFailure != null) {
            throw unchecked(readFailure);
        }
        if (lineTooLong) {
            throw new TraceFormatException(source, linesDelivered + 1, LINE_TOO_LONG);
        }
    }

    /** A failure from the helper's thread, as it was: only unchecked ones reach here. */
    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }
}
