package io.pudwatch.incident;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends incident records to {@code incidents.jsonl} in a state directory, one line each, and
 * forces each line to disk before returning, so that an agent that is killed or crashes right after
 * an incident still has it. When the file would grow past its size limit it is renamed to {@code
 * incidents.jsonl.1} (shifting older files up, dropping the oldest beyond {@code keep}). Creating
 * and renaming files also forces the directory, whose entries would otherwise reach the disk only
 * with the file system's next journal commit: a crash in between would lose a new file whole.
 *
 * <p>Not thread-safe: the incident recorder's writer thread owns it.
 */
public final class IncidentLog implements AutoCloseable {
    /** 16 MiB: about 4,000 records with full timelines per file. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    /** Rotated files kept besides the current one. */
    public static final int DEFAULT_KEEP = 4;

    private final Path dir;
    private final long maxBytes;
    private final int keep;
    private FileChannel channel;
    private long size;

    public IncidentLog(Path dir, long maxBytes, int keep) throws IOException {
        if (maxBytes < 4096 || keep < 0) {
            throw new IllegalArgumentException(
                    "An incident log needs at least 4096 bytes per file and a non-negative keep.");
        }
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.keep = keep;
        Files.createDirectories(dir);
        open();
    }

    public Path dir() {
        return dir;
    }

    public int keep() {
        return keep;
    }

    /** Appends one line (a record's JSON, without its newline) and forces it to disk. */
    public void append(String json) throws IOException {
        if (channel == null) {
            // A rotation that failed half-way left no file open; try again.
            open();
        }
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        if (size > 0 && size + line.length > maxBytes) {
            rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        // Data only: the length change of an append is metadata fdatasync also persists.
        channel.force(false);
        size += line.length;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private void open() throws IOException {
        Path current = IncidentLogFiles.current(dir);
        boolean creating = !Files.exists(current);
        channel =
                FileChannel.open(
                        current,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        size = channel.size();
        if (size > 0 && !endsWithNewline()) {
            // A line cut short by a crash or a full disk: end it, so that the next record
            // starts a line of its own and only the cut one reads as malformed. Forced like a
            // record: otherwise the next record's fsync is what persists it, if it comes.
            channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            channel.force(false);
            size++;
        }
        if (creating) {
            forceDirectory();
        }
    }

    // fsync(2) of a file does not persist its directory entry; fsync of the directory does.
    // Linux lets a directory be opened read-only for that.
    private void forceDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    // A channel opened for appending cannot read (FileChannel refuses READ with APPEND).
    private boolean endsWithNewline() throws IOException {
        try (FileChannel reader = FileChannel.open(IncidentLogFiles.current(dir))) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private void rotate() throws IOException {
        channel.close();
        channel = null;
        Files.deleteIfExists(IncidentLogFiles.rotated(dir, keep));
        for (int n = keep - 1; n >= 1; n--) {
            Path from = IncidentLogFiles.rotated(dir, n);
            if (Files.exists(from)) {
                Files.move(
                        from, IncidentLogFiles.rotated(dir, n + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path current = IncidentLogFiles.current(dir);
        if (keep > 0) {
            Files.move(current, IncidentLogFiles.rotated(dir, 1), StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(current);
        }
        // open() creates the new current file and forces the directory, which persists the
        // renames above along with it.
        open();
    }
}
