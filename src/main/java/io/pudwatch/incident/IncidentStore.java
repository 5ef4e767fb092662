package io.pudwatch.incident;

import io.pudwatch.logging.RepeatedFailureLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's incidents: the most recent ones in memory for {@code /api/incidents}, all of them in
 * the incident log on disk. Reloads the log at start, so a restarted agent serves what it found
 * before.
 *
 * <p>Thread-safe: the recorder adds from its writer thread while the HTTP server reads.
 */
public final class IncidentStore implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(IncidentStore.class);

    /** 1,000 records with full timelines take about 10 MB of heap. */
    public static final int DEFAULT_IN_MEMORY = 1000;

    private final IncidentLog log;
    private final int inMemory;
    private final ArrayDeque<IncidentRecord> recent = new ArrayDeque<>();
    private final RepeatedFailureLog writeFailures = new RepeatedFailureLog(logger);
    private long added;

    private IncidentStore(IncidentLog log, int inMemory) {
        this.log = log;
        this.inMemory = inMemory;
    }

    /**
     * Opens the incident log in {@code dir} (creating it) and loads the newest {@code inMemory}
     * records. Malformed lines are skipped with a warning naming FILE:LINE: a damaged log must not
     * keep the agent from starting.
     *
     * @throws IOException when the directory cannot be created or the log opened for appending
     */
    public static IncidentStore open(Path dir, long maxBytes, int keep, int inMemory)
            throws IOException {
        IncidentStore store = new IncidentStore(new IncidentLog(dir, maxBytes, keep), inMemory);
        RepeatedFailureLog malformed = new RepeatedFailureLog(logger);
        for (Path file : IncidentLogFiles.oldestFirst(dir, keep)) {
            try {
                IncidentLogReader.read(
                        file,
                        store::remember,
                        e ->
                                malformed.failed(
                                        "Skipping a malformed incident record: {}",
                                        e.getMessage()));
            } catch (IncidentFormatException e) {
                throw new IllegalStateException("A skipping reader does not throw.", e);
            }
        }
        logger.info("Loaded {} incidents from {}.", store.recent.size(), dir);
        return store;
    }

    /** {@link #open} with the default sizes. */
    public static IncidentStore open(Path dir) throws IOException {
        return open(
                dir, IncidentLog.DEFAULT_MAX_BYTES, IncidentLog.DEFAULT_KEEP, DEFAULT_IN_MEMORY);
    }

    /**
     * Appends the record to the log, forced to disk, and keeps it in memory. A write failure (a
     * full disk) is logged, once at WARN, and the record is still served from memory.
     */
    public void add(IncidentRecord record) {
        String json = IncidentRecordJson.toJson(record, true);
        synchronized (log) {
            try {
                log.append(json);
                writeFailures.succeeded("Incidents are written to {} again", log.dir());
            } catch (IOException e) {
                writeFailures.failed(
                        "Incident {} is kept in memory only because {} cannot be written: {};"
                                + " free space there or point the state directory elsewhere.",
                        record.id(),
                        log.dir(),
                        e.toString());
            }
        }
        synchronized (this) {
            remember(record);
            added++;
        }
    }

    /** The state directory holding the incident log. */
    public Path dir() {
        return log.dir();
    }

    /** Incidents written since start that did not reach the disk. */
    public long writeFailures() {
        return writeFailures.failures();
    }

    /** Incidents added since start (not those loaded). */
    public synchronized long added() {
        return added;
    }

    /** The records in memory found at or after {@code since} (all if null), oldest first. */
    public synchronized List<IncidentRecord> list(Instant since) {
        List<IncidentRecord> out = new ArrayList<>();
        for (IncidentRecord r : recent) {
            if (since == null || !r.recordedAt().isBefore(since)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The record whose id is {@code idOrPrefix}, or the only one whose id starts with it.
     *
     * @throws IllegalArgumentException when the prefix matches more than one record
     */
    public synchronized Optional<IncidentRecord> find(String idOrPrefix) {
        return IncidentLookup.find(recent, idOrPrefix);
    }

    @Override
    public void close() throws IOException {
        synchronized (log) {
            log.close();
        }
    }

    private synchronized void remember(IncidentRecord record) {
        if (recent.size() >= inMemory) {
            recent.pollFirst();
        }
        recent.addLast(record);
    }
}
