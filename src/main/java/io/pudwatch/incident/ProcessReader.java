package io.pudwatch.incident;

import io.pudwatch.logging.RepeatedFailureLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a process's name, command line and cgroup from {@code PROC/PID/}. The root is a seam:
 * {@code /proc} on a host, a fixture directory in tests.
 */
public final class ProcessReader implements ProcessLookup {
    private static final Logger logger = LoggerFactory.getLogger(ProcessReader.class);
    // A command line longer than this is cut: a QEMU command line can run to tens of KiB, and
    // the first 4 KiB name the VM and its devices.
    private static final int MAX_CMDLINE = 4096;

    private final Path proc;
    private final RepeatedFailureLog failures = new RepeatedFailureLog(logger);

    /** Reads from {@code proc} ({@code /proc} on a host). */
    public ProcessReader(Path proc) {
        this.proc = proc;
    }

    /** Whatever can still be read about {@code pid}; {@link ProcessInfo#gone} if nothing. */
    @Override
    public ProcessInfo read(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        String comm;
        try {
            comm = Files.readString(dir.resolve("comm"), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            // It exited before the incident was found: common, and no failure of ours.
            return ProcessInfo.gone(pid);
        } catch (IOException e) {
            failures.failed(
                    "Process details of incidents will be missing because {} cannot be read: {}",
                    dir.resolve("comm"),
                    e.toString());
            return ProcessInfo.gone(pid);
        }
        String cmdline = cmdline(dir.resolve("cmdline"));
        String cgroup = cgroup(dir.resolve("cgroup"));
        failures.succeeded("Process details can be read from {} again", proc);
        return new ProcessInfo(pid, comm, cmdline, cgroup, ContainerIds.find(cgroup), false);
    }

    private String cmdline(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        int length = Math.min(bytes.length, MAX_CMDLINE);
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        if (length == 0) {
            // Kernel threads have an empty command line.
            return null;
        }
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8).replace('\0', ' ');
        return bytes.length > MAX_CMDLINE ? text + " ..." : text;
    }

    // Under cgroup v2 the "0::" line is the process's cgroup. On a hybrid host it is often just
    // "/" while a v1 hierarchy (memory:/docker/ID) holds the container: take the longest then.
    private String cgroup(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return null;
        }
        String unified = null;
        String longest = null;
        for (String line : lines) {
            int colon = line.indexOf(':', line.indexOf(':') + 1);
            if (colon < 0) {
                continue;
            }
            String path = line.substring(colon + 1);
            if (line.startsWith("0::")) {
                unified = path;
            } else if (longest == null || path.length() > longest.length()) {
                longest = path;
            }
        }
        if (unified != null && (!unified.equals("/") || longest == null)) {
            return unified;
        }
        return longest;
    }
}
