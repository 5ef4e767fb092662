package io.pudwatch.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a host is exposed to the pagewalk split/refault race, from its {@code /proc} and
 * {@code /sys} under a root directory ({@code /} for this host, a fixture tree in tests).
 *
 * <p>Reads files only, never {@code numa_maps} or {@code smaps}: the doctor must not be a walker.
 * Scanning every process's {@code maps} takes a while on a large host; callers that export the
 * verdict as a metric should assess at start-up and then every few minutes, not per scrape.
 */
public final class HostDoctor {
    private HostDoctor() {}

    /** Assesses the host whose {@code /proc} and {@code /sys} are under {@code root}. */
    public static HostExposure assess(Path root) {
        String releaseText = readLine(root.resolve("proc/sys/kernel/osrelease"));
        KernelRelease release = releaseText == null ? null : KernelRelease.parse(releaseText);
        KernelClass kernel = KernelClass.of(release);
        String arch = readLine(root.resolve("proc/sys/kernel/arch"));
        VfioDeviceScan.Result devices = VfioDeviceScan.scan(root);
        VfioMapperScan.Result mappers = VfioMapperScan.scan(root);

        List<String> reasons = new ArrayList<>();
        Verdict verdict =
                decide(releaseText, release, kernel, arch, devices, mappers.mappers(), reasons);
        if (release != null && release.isDistributionBuild() && kernel == KernelClass.VULNERABLE) {
            reasons.add(
                    "The release carries a distribution suffix ("
                            + release.suffix()
                            + "): the distribution may have backported the fix; look for"
                            + " 3b89863c3fa4 or CVE-2026-31456 in its changelog.");
        }
        return new HostExposure(
                verdict,
                releaseText,
                kernel,
                arch,
                devices.devices(),
                mappers.mappers(),
                mappers.unreadable(),
                List.copyOf(reasons),
                AgentReadiness.check(root, releaseText));
    }

    private static Verdict decide(
            String releaseText,
            KernelRelease release,
            KernelClass kernel,
            String arch,
            VfioDeviceScan.Result devices,
            List<VfioMapper> mappers,
            List<String> reasons) {
        String name = releaseText == null ? "unknown" : releaseText;
        if (kernel == KernelClass.NOT_AFFECTED) {
            reasons.add("Kernel " + name + " predates v6.12, which brought huge pfnmaps.");
            return Verdict.NOT_EXPOSED;
        }
        if (kernel == KernelClass.FIXED) {
            reasons.add(
                    "Kernel "
                            + name
                            + " carries the fix (3b89863c3fa4: in "
                            + KernelClass.firstFixedReleases()
                            + " and later).");
            return Verdict.NOT_EXPOSED;
        }
        // CONFIG_ARCH_SUPPORTS_PUD_PFNMAP: x86_64 maps 1 GiB pfnmaps; arm64 stops at PMDs.
        if (arch != null && !arch.equals("x86_64")) {
            reasons.add(
                    "Architecture "
                            + arch
                            + " does not map VFIO BARs with PUD leaves (only x86_64 does).");
            return Verdict.NOT_EXPOSED;
        }

        List<VfioDevice> large =
                devices.devices().stream().filter(VfioDevice::hasPudSizedBar).toList();
        List<VfioMapper> mapping = mappers.stream().filter(VfioMapper::hasPudSizedMapping).toList();
        boolean vfio = !large.isEmpty() || !mapping.isEmpty();
        if (!vfio && devices.problem() != null) {
            reasons.add("VFIO devices could not be listed: " + devices.problem());
            return Verdict.UNKNOWN;
        }
        if (!vfio) {
            reasons.add(
                    "No device bound to a VFIO driver has a BAR of 1 GiB or more, and no"
                            + " process maps a VFIO region that large.");
            return Verdict.NOT_EXPOSED;
        }
        String what = describe(large, mapping);
        if (kernel == KernelClass.UNKNOWN) {
            reasons.add(
                    "Kernel "
                            + name
                            + " has not been verified against the race"
                            + (release == null ? " (its release cannot be read)" : "")
                            + ", and "
                            + what
                            + ".");
            return Verdict.UNKNOWN;
        }
        reasons.add(
                "Kernel "
                        + name
                        + " lacks the fix (vulnerable: "
                        + KernelClass.vulnerableReleases()
                        + "), and "
                        + what
                        + ".");
        return Verdict.EXPOSED;
    }

    private static String describe(List<VfioDevice> large, List<VfioMapper> mapping) {
        List<String> parts = new ArrayList<>();
        for (VfioDevice d : large) {
            parts.add(
                    d.address()
                            + " ("
                            + d.driver()
                            + ") has a "
                            + Sizes.human(d.largestBarBytes())
                            + " BAR");
        }
        for (VfioMapper m : mapping) {
            parts.add(
                    m.comm()
                            + "/"
                            + m.pid()
                            + " maps "
                            + Sizes.human(m.largestMappingBytes())
                            + " of a VFIO device");
        }
        return String.join(", ", parts);
    }

    private static String readLine(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }
}
