package io.pudwatch.metrics;

import io.pudwatch.doctor.KernelClass;
import io.pudwatch.doctor.KernelRelease;
import io.pudwatch.doctor.Verdict;

/**
 * The kernel a host runs and whether it is exposed, as the metrics export it.
 *
 * @param release the kernel release ({@code uname -r}), or {@code unknown}
 * @param verdict the host verdict of {@code pudwatch doctor}
 * @param kernelClass where the release number stands, independently of the verdict
 */
public record KernelExposure(String release, Verdict verdict, KernelClass kernelClass) {
    public KernelExposure {
        if (release == null || release.isBlank()) {
            release = "unknown";
        }
    }

    /** A host verdict for a release; the class is read from the release number. */
    public static KernelExposure of(String release, Verdict verdict) {
        return new KernelExposure(release, verdict, classOf(release));
    }

    /**
     * The verdict judged from the release number alone, for when no host check ran: a vulnerable
     * release is taken as exposed, which overstates hosts without VFIO huge pfnmaps.
     */
    public static KernelExposure fromRelease(String release) {
        KernelClass kernelClass = classOf(release);
        Verdict verdict =
                switch (kernelClass) {
                    case VULNERABLE -> Verdict.EXPOSED;
                    case FIXED, NOT_AFFECTED -> Verdict.NOT_EXPOSED;
                    case UNKNOWN -> Verdict.UNKNOWN;
                };
        return new KernelExposure(release, verdict, kernelClass);
    }

    /** Nothing known yet: before a trace header has been read, say. */
    public static KernelExposure unknown() {
        return new KernelExposure("unknown", Verdict.UNKNOWN, KernelClass.UNKNOWN);
    }

    private static KernelClass classOf(String release) {
        return release == null ? KernelClass.UNKNOWN : KernelClass.of(KernelRelease.parse(release));
    }
}
