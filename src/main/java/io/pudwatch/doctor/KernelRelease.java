package io.pudwatch.doctor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel release string ({@code uname -r}) read as upstream version numbers: {@code 6.18.5-amd64}
 * is 6.18.5 with the suffix {@code -amd64}, {@code 7.0.0-rc3} is 7.0 release candidate 3.
 *
 * @param rc the release candidate number, 0 for a release
 * @param suffix what follows the version: a distribution's build tag, or empty for a vanilla tree
 */
public record KernelRelease(String text, int major, int minor, int patch, int rc, String suffix) {
    private static final Pattern FORM =
            Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:-rc(\\d+))?(.*)");

    /** Parses a release string, or returns {@code null} when it does not start with X.Y. */
    public static KernelRelease parse(String text) {
        String trimmed = text.trim();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            return null;
        }
        return new KernelRelease(
                trimmed,
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
                m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5));
    }

    /** Whether a distribution built it: its fixes may be backports that the version hides. */
    public boolean isDistributionBuild() {
        return !suffix.isEmpty() && !suffix.equals("+");
    }

    /** Whether it is {@code major.minor} or later, release candidates of it included. */
    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** {@code 6.18.5}, {@code 7.0-rc3}: the upstream version without the suffix. */
    public String upstream() {
        if (rc > 0) {
            return major + "." + minor + "-rc" + rc;
        }
        return major + "." + minor + "." + patch;
    }
}
