package io.pudwatch.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelClassTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "6.1.0-57-amd64, NOT_AFFECTED",
        "6.11.11, NOT_AFFECTED",
        "5.15.0-105-generic, NOT_AFFECTED",
        "6.12-rc3, VULNERABLE",
        "6.12.0, VULNERABLE",
        "6.12.83, VULNERABLE",
        "6.12.84, FIXED",
        "6.12.84+deb13-amd64, FIXED",
        "6.13.2, VULNERABLE",
        "6.17.13, VULNERABLE",
        "6.18.0, VULNERABLE",
        "6.18.5, VULNERABLE",
        "6.18.20, VULNERABLE",
        "6.18.21, FIXED",
        "6.18.44-fc-v1147, FIXED",
        "6.19.3, UNKNOWN",
        "6.19-rc1, UNKNOWN",
        "7.0-rc1, VULNERABLE",
        "7.0.0-rc5, VULNERABLE",
        "7.0-rc6, FIXED",
        "7.0.0, FIXED",
        "7.1.2, FIXED",
    })
    void releasesAreClassifiedAgainstTheAffectedAndFixedVersions(String release, KernelClass want) {
        assertThat(KernelClass.of(KernelRelease.parse(release))).isEqualTo(want);
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @CsvSource({"garbage", "'6'", "''"})
    void anUnreadableReleaseIsUnknown(String release) {
        assertThat(KernelClass.of(KernelRelease.parse(release))).isEqualTo(KernelClass.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"6.18.5-amd64, true", "6.18.5, false", "6.12.84+deb13-amd64, true"})
    void aDistributionSuffixIsRecognised(String release, boolean distribution) {
        assertThat(KernelRelease.parse(release).isDistributionBuild()).isEqualTo(distribution);
    }

    @Test
    void theDescribedRangesAgreeWithTheClassification() {
        assertThat(KernelClass.vulnerableReleases())
                .isEqualTo("6.12.0-6.12.83, 6.13-6.17, 6.18.0-6.18.20, 7.0-rc1..rc5");
        assertThat(KernelClass.firstFixedReleases()).isEqualTo("6.12.84, 6.18.21, 7.0-rc6");

        String[] endpoints =
                KernelClass.vulnerableReleases().replace("..rc", "-7.0-rc").split(", |-(?!rc)");
        assertThat(endpoints).hasSize(8);
        assertThat(Arrays.stream(endpoints).map(r -> KernelClass.of(KernelRelease.parse(r))))
                .as("%s", Arrays.toString(endpoints))
                .containsOnly(KernelClass.VULNERABLE);
        assertThat(
                        Arrays.stream(KernelClass.firstFixedReleases().split(", "))
                                .map(r -> KernelClass.of(KernelRelease.parse(r))))
                .containsOnly(KernelClass.FIXED);
    }
}
