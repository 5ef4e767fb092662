package io.pudwatch.metrics;

/**
 * The kernel a host runs and whether it is exposed.
 *
 * @param release the kernel release ({@code uname -r}), or {@code unknown}
 * @param verdict the host verdict
 * @param range where the release number stands, independently of the verdict
 */
public record KernelExposure(String release, ExposureVerdict verdict, KernelRange range) {
    public KernelExposure {
        if (release == null || release.isBlank()) {
            release = "unknown";
        }
    }

    /** A host verdict for a release; the range is read from the release number. */
    public static KernelExposure of(String release, ExposureVerdict verdict) {
        return new KernelExposure(release, verdict, KernelRange.of(release));
    }

    /** The verdict judged from the release number alone, for when no host check ran. */
    public static KernelExposure fromRelease(String release) {
        KernelRange range = KernelRange.of(release);
        return new KernelExposure(release, ExposureVerdict.fromRange(range), range);
    }

    /** Nothing known yet: before a trace header has been read, say. */
    public static KernelExposure unknown() {
        return new KernelExposure("unknown", ExposureVerdict.UNKNOWN, KernelRange.UNKNOWN);
    }
}
