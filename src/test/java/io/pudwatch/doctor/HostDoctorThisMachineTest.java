package io.pudwatch.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the doctor on the real {@code /proc} and {@code /sys} of the machine running the tests. */
class HostDoctorThisMachineTest {
    @Test
    void thisMachineWithoutVfioIsAssessedWithoutCrashingAndIsNotExposed() throws Exception {
        Path osrelease = Path.of("/proc/sys/kernel/osrelease");
        Prerequisites.assumeKernelAllows(Files.isReadable(osrelease), "no /proc/sys here");
        String release = Files.readString(osrelease).trim();
        Prerequisites.assumeKernelAllows(
                !Files.isDirectory(Path.of("/sys/bus/pci/drivers/vfio-pci")),
                "this machine has vfio-pci; the test expects a host without VFIO");

        HostExposure h = HostDoctor.assess(Path.of("/"));

        assertThat(h.kernelRelease()).isEqualTo(release);
        assertThat(h.kernelClass()).isEqualTo(KernelClass.of(KernelRelease.parse(release)));
        assertThat(h.devices()).isEmpty();
        assertThat(h.verdict()).isEqualTo(Verdict.NOT_EXPOSED);
        assertThat(h.readiness()).extracting(Finding::check).contains("btf", "capabilities");
        if (release.startsWith("6.18.")) {
            // 6.18.0-6.18.20 lack the fix, 6.18.21 and later carry it.
            int patch = KernelRelease.parse(release).patch();
            assertThat(h.kernelClass())
                    .isEqualTo(patch >= 21 ? KernelClass.FIXED : KernelClass.VULNERABLE);
        }
    }
}
