package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pudwatch.bcc.BccModule;
import io.pudwatch.bcc.BpfLoadException;
import io.pudwatch.bcc.BpfProgram;
import io.pudwatch.bcc.ProgramType;
import io.pudwatch.kernel.KernelHeaders;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("kernel")
class BpfProgramKernelTest {
    private static final Set<String> TRACEPOINT_PROGRAMS =
            Set.of("pw_kfault", "pw_mm_exit", "pw_storm");

    /** The merged header tree is kept across tests and runs, as the agent keeps it. */
    private final Path state = Path.of("target/test-state");

    @Test
    void everyProgramInTheBpfFileCompilesAndPassesTheVerifier() throws Exception {
        KernelPrerequisites.assumeBpf();
        HostKernelFeatures host = HostKernelFeatures.detect();
        Path headers =
                KernelHeaders.sourceFor(KernelHeaders.runningRelease(), Path.of("/usr/src"), state)
                        .orElse(null);

        try (BccModule module =
                BccModule.compile(
                        ProgramText.load(Path.of("bpf/pudwatch.bpf.c")),
                        ProgramText.cflags(host, 64),
                        headers)) {
            assertThat(module.functionNames())
                    .contains(
                            "pw_split",
                            "pw_install",
                            "pw_walk_enter",
                            "pw_walk_vma",
                            "pw_walk_exit",
                            "pw_pmd_entry",
                            "pw_vfio_fault",
                            "pw_nvgrace",
                            "pw_kfault",
                            "pw_mm_exit",
                            "pw_storm");
            int loaded = 0;
            for (String name : module.functionNames()) {
                ProgramType type = typeOf(name);
                try (BpfProgram program = module.load(name, type)) {
                    assertThat(program.fd()).isPositive();
                    loaded++;
                } catch (BpfLoadException e) {
                    boolean fentryRefused = type == ProgramType.FENTRY || type == ProgramType.FEXIT;
                    if (!fentryRefused || host.hasFentry()) {
                        fail(
                                name
                                        + " failed the verifier: "
                                        + e.getMessage()
                                        + "\n"
                                        + e.verifierLog());
                    }
                    assertThat(e.hint()).contains("fentry");
                }
            }
            assertThat(loaded).isGreaterThanOrEqualTo(11);
        }
    }

    private static ProgramType typeOf(String name) {
        if (name.startsWith("kfunc__")) {
            return ProgramType.FENTRY;
        }
        if (name.startsWith("kretfunc__")) {
            return ProgramType.FEXIT;
        }
        return TRACEPOINT_PROGRAMS.contains(name) ? ProgramType.TRACEPOINT : ProgramType.KPROBE;
    }
}
