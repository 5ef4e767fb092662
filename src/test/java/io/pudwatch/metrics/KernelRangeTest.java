package io.pudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelRangeTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "6.1.0-18-amd64, UNAFFECTED",
        "5.15.0-105-generic, UNAFFECTED",
        "6.11.9, UNAFFECTED",
        "6.12, VULNERABLE",
        "6.12.0, VULNERABLE",
        "6.12.83, VULNERABLE",
        "6.12.84, FIXED",
        "6.12.38+deb13-amd64, VULNERABLE",
        "6.13.2, VULNERABLE",
        "6.17.12-200.fc42.x86_64, VULNERABLE",
        "6.18.0, VULNERABLE",
        "6.18.20-amd64, VULNERABLE",
        "6.18.21, FIXED",
        "6.19.3, UNKNOWN",
        "7.0-rc1, VULNERABLE",
        "7.0.0-rc5, VULNERABLE",
        "7.0-rc6, FIXED",
        "7.0, FIXED",
        "7.1.2, FIXED",
        "simulated, UNKNOWN",
        "'', UNKNOWN"
    })
    void releasesFallIntoTheRangesOfTheKernelNotes(String release, KernelRange expected) {
        assertThat(KernelRange.of(release)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is judged {1}")
    @CsvSource({"6.18.3, exposed", "6.18.21, not_exposed", "6.1.0, not_exposed", "6.19.1, unknown"})
    void aReleaseAloneGivesTheBestVerdictItAllows(String release, String verdict) {
        assertThat(KernelExposure.fromRelease(release).verdict().label()).isEqualTo(verdict);
    }
}
