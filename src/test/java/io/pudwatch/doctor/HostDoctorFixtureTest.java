package io.pudwatch.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostDoctorFixtureTest {
    static Path host(String name) {
        try {
            return Path.of(HostDoctorFixtureTest.class.getResource("/hosts/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aVulnerableKernelWithALargeVfioBarIsExposed() {
        HostExposure h = HostDoctor.assess(host("exposed"));

        assertThat(h.verdict()).isEqualTo(Verdict.EXPOSED);
        assertThat(h.kernelRelease()).isEqualTo("6.18.5");
        assertThat(h.kernelClass()).isEqualTo(KernelClass.VULNERABLE);
        assertThat(h.devices())
                .containsExactly(new VfioDevice("0000:41:00.0", "vfio-pci", 64L << 30));
        assertThat(h.mappers()).containsExactly(new VfioMapper(4107, "qemu-system-x86", 64L << 30));
        assertThat(h.reasons().get(0))
                .contains("6.18.5 lacks the fix")
                .contains("0000:41:00.0 (vfio-pci) has a 64 GiB BAR")
                .contains("qemu-system-x86/4107 maps 64 GiB of a VFIO device");
        assertThat(h.agentReady()).isTrue();
    }

    @Test
    void theSameDevicesOnAFixedKernelAreNotExposed() {
        HostExposure h = HostDoctor.assess(host("fixed"));

        assertThat(h.verdict()).isEqualTo(Verdict.NOT_EXPOSED);
        assertThat(h.kernelClass()).isEqualTo(KernelClass.FIXED);
        assertThat(h.devices()).hasSize(1);
        assertThat(h.reasons()).singleElement().asString().contains("6.18.21 carries the fix");
    }

    @Test
    void aVulnerableKernelWithoutVfioIsNotExposed() {
        HostExposure h = HostDoctor.assess(host("clean"));

        assertThat(h.verdict()).isEqualTo(Verdict.NOT_EXPOSED);
        assertThat(h.kernelClass()).isEqualTo(KernelClass.VULNERABLE);
        assertThat(h.devices()).isEmpty();
        assertThat(h.mappers()).isEmpty();
        assertThat(h.reasons()).singleElement().asString().contains("No device bound to a VFIO");
    }

    @Test
    void anUnverifiedKernelWithVfioIsUnknown() {
        HostExposure h = HostDoctor.assess(host("unknown"));

        assertThat(h.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(h.kernelClass()).isEqualTo(KernelClass.UNKNOWN);
        assertThat(h.reasons()).singleElement().asString().contains("6.19.3 has not been verified");
    }

    @Test
    void theJsonFormCarriesTheVerdictDevicesAndChecks() throws Exception {
        String json = HostExposureJson.toJson(HostDoctor.assess(host("exposed")));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

        assertThat(node.path("verdict").asText()).isEqualTo("exposed");
        assertThat(node.path("kernel").path("class").asText()).isEqualTo("vulnerable");
        assertThat(node.path("vfio_devices").get(0).path("largest_bar_bytes").asLong())
                .isEqualTo(64L << 30);
        assertThat(node.path("agent").path("checks")).hasSize(6);
    }

    @Test
    void theTextFormFitsEightyColumns() {
        String text = HostExposureText.render(HostDoctor.assess(host("exposed")));

        assertThat(text).startsWith("Verdict: exposed\n").contains("0000:41:00.0  vfio-pci");
        assertThat(text.lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
