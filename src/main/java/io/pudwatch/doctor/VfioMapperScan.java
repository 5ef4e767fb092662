package io.pudwatch.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds processes with VFIO device regions in {@code ROOT/proc/PID/maps}: a mapping of a {@code
 * /dev/vfio/...} character device (iommufd cdev) or of a {@code [vfio-device]} anonymous inode (the
 * group interface's device fd).
 *
 * <p>Only {@code maps} is read: it lists VMAs without walking page tables, so unlike {@code
 * numa_maps} or {@code smaps} it never splits a PUD and cannot open the race it looks for.
 */
final class VfioMapperScan {
    private VfioMapperScan() {}

    /** The mappers found, and how many processes' maps could not be read. */
    record Result(List<VfioMapper> mappers, int unreadable) {}

    static Result scan(Path root) {
        Path proc = root.resolve("proc");
        List<VfioMapper> mappers = new ArrayList<>();
        int unreadable = 0;
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : pids) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                try {
                    long largest = largestVfioMapping(dir.resolve("maps"));
                    if (largest > 0) {
                        mappers.add(new VfioMapper(pid, comm(dir), largest));
                    }
                } catch (IOException e) {
                    // A process that exited meanwhile, or one we may not read without root.
                    unreadable++;
                }
            }
        } catch (IOException e) {
            return new Result(List.of(), 1);
        }
        mappers.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return new Result(List.copyOf(mappers), unreadable);
    }

    /** The size of the largest VFIO region mapped in a maps file, 0 for none. */
    static long largestVfioMapping(Path maps) throws IOException {
        long largest = 0;
        try (BufferedReader in = Files.newBufferedReader(maps)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains("/dev/vfio/") || line.contains("vfio-device")) {
                    largest = Math.max(largest, size(line));
                }
            }
        }
        return largest;
    }

    private static long size(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        if (dash < 1 || space < dash) {
            return 0;
        }
        try {
            long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
            long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            return end - start;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String comm(Path dir) {
        try {
            return Files.readString(dir.resolve("comm")).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
