package io.pudwatch.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a kernel header tree for libbcc, which cannot compile without one.
 *
 * <p>The running kernel's own tree ({@code /lib/modules/RELEASE/build}) is used when it exists.
 * Otherwise (a kernel with no headers package of its own, such as a 6.18 kernel on Debian 12, which
 * ships 6.1 headers) the nearest tree under {@code /usr/src} is used. Debian splits it in two,
 * {@code linux-headers-V-ABI-common} (sources) and {@code linux-headers-V-ABI-FLAVOUR} (generated
 * headers and .config), and bcc needs both in one folder: the flavour tree alone fails. This class
 * builds that folder from symlinks under pudwatch's state directory, never writing into {@code
 * /lib/modules}. Struct layouts from such a tree are not those of the running kernel, which is why
 * the BPF program takes every offset it needs from BTF instead.
 */
public final class KernelHeaders {
    private static final Pattern TREE =
            Pattern.compile("linux-headers-(\\d+)\\.(\\d+)\\.(\\d+)-" + "(\\d+)-(.+)");
    private static final String MARKER = ".pudwatch-merged";

    private KernelHeaders() {}

    /** The release of the running kernel ({@code uname -r}). */
    public static String runningRelease() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
    }

    /** The running kernel's own header tree, if installed. */
    public static Optional<Path> ownTree(String release) {
        Path build = Path.of("/lib/modules", release, "build");
        return Files.isDirectory(build) ? Optional.of(build) : Optional.empty();
    }

    /**
     * The header tree bcc should use: empty when the running kernel's own tree exists (bcc finds it
     * itself), else a merged tree built under {@code stateDir}.
     *
     * @throws IOException when there is no tree at all; the message says which package to install
     */
    public static Optional<Path> sourceFor(String release, Path usrSrc, Path stateDir)
            throws IOException {
        if (ownTree(release).isPresent()) {
            return Optional.empty();
        }
        Path flavour =
                nearestFlavourTree(usrSrc, release)
                        .orElseThrow(
                                () ->
                                        new IOException(
                                                "No kernel header tree: /lib/modules/"
                                                        + release
                                                        + "/build is missing and "
                                                        + usrSrc
                                                        + " has no linux-headers-*. Install"
                                                        + " linux-headers-amd64 (or the headers"
                                                        + " of the running kernel)."));
        Matcher m = TREE.matcher(flavour.getFileName().toString());
        m.matches();
        Path common =
                usrSrc.resolve(
                        "linux-headers-"
                                + m.group(1)
                                + "."
                                + m.group(2)
                                + "."
                                + m.group(3)
                                + "-"
                                + m.group(4)
                                + "-common");
        Path merged = stateDir.resolve("kernel-headers").resolve(flavour.getFileName());
        if (Files.exists(merged.resolve(MARKER))) {
            return Optional.of(merged);
        }
        Path building =
                Files.createDirectories(merged.getParent())
                        .resolve(merged.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.createDirectories(building);
        if (Files.isDirectory(common)) {
            link(common, building);
        }
        link(flavour, building);
        Files.createFile(building.resolve(MARKER));
        try {
            Files.move(building, merged, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.exists(merged.resolve(MARKER))) {
                throw raced;
            }
        }
        return Optional.of(merged);
    }

    /**
     * The tree {@link #sourceFor} would start from, found without building or writing anything: the
     * kernel's own {@code libModules/RELEASE/build}, else the nearest flavour tree under {@code
     * usrSrc}. Both folders are parameters so that a check of a host can look at a copy of its
     * files under another root.
     *
     * @throws IOException when {@code usrSrc} exists but cannot be listed
     */
    public static Optional<Path> findTree(String release, Path libModules, Path usrSrc)
            throws IOException {
        Path build = libModules.resolve(release).resolve("build");
        if (Files.isDirectory(build)) {
            return Optional.of(build);
        }
        return nearestFlavourTree(usrSrc, release);
    }

    /** The {@code /usr/src} flavour tree closest to {@code release} (same major.minor first). */
    static Optional<Path> nearestFlavourTree(Path usrSrc, String release) throws IOException {
        if (!Files.isDirectory(usrSrc)) {
            return Optional.empty();
        }
        long running = versionKey(release);
        List<Path> trees = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(usrSrc, "linux-headers-*")) {
            for (Path dir : dirs) {
                Matcher m = TREE.matcher(dir.getFileName().toString());
                if (m.matches()
                        && !m.group(5).equals("common")
                        && Files.isRegularFile(dir.resolve(".config"))) {
                    trees.add(dir);
                }
            }
        }
        return trees.stream()
                .min(
                        Comparator.comparingLong(
                                tree ->
                                        Math.abs(
                                                versionKey(
                                                                tree.getFileName()
                                                                        .toString()
                                                                        .substring(
                                                                                "linux-headers-"
                                                                                        .length()))
                                                        - running)));
    }

    private static long versionKey(String text) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?").matcher(text);
        if (!m.lookingAt()) {
            return 0;
        }
        long patch = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Long.parseLong(m.group(1)) * 1_000_000
                + Long.parseLong(m.group(2)) * 1_000
                + Math.min(patch, 999);
    }

    /** Overlays {@code from} onto {@code into}: folders present in both are merged. */
    private static void link(Path from, Path into) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                Path target = into.resolve(entry.getFileName().toString());
                boolean realDir = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                if (realDir && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    link(entry, target);
                    continue;
                }
                if (realDir && Files.isSymbolicLink(target)) {
                    Path earlier = Files.readSymbolicLink(target);
                    Files.delete(target);
                    Files.createDirectory(target);
                    link(earlier, target);
                    link(entry, target);
                    continue;
                }
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, entry.toAbsolutePath());
            }
        }
    }
}
