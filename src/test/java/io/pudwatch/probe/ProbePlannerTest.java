package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbePlannerTest {
    private final FakeKernelFeatures kernel = new FakeKernelFeatures();

    private ProbeOutcome planned(Probe probe) {
        return new ProbeReport(new ProbePlanner(kernel).plan(false)).outcome(probe);
    }

    @Test
    void fentryIsChosenWhereTheKernelTakesItAndBtfNamesTheFunction() {
        kernel.fentry = true;
        kernel.kprobes = true;
        kernel.btfFunctions.add("__split_huge_pud");

        ProbeOutcome split = planned(Probe.PUD_SPLIT);

        assertThat(split.mode()).isEqualTo(ProbeMode.FENTRY);
        assertThat(split.status()).isEqualTo(ProbeStatus.AVAILABLE);
    }

    @Test
    void aKprobeOnTheSuffixedSymbolIsTheFallbackWhenBtfLacksTheExactName() {
        kernel.fentry = true;
        kernel.kprobes = true;

        ProbeOutcome numaMaps = planned(Probe.PMD_ENTRY_NUMA_MAPS);

        assertThat(numaMaps.mode()).isEqualTo(ProbeMode.KPROBE);
        assertThat(numaMaps.target()).isEqualTo("gather_pte_stats.isra.0");
    }

    @Test
    void theWalkReturnProbeSitsOnTheFunctionItsEntryProbeChose() {
        kernel.kprobes = true;
        kernel.kallsyms.remove("__walk_page_range");

        ProbeOutcome enter = planned(Probe.WALK_ENTER);
        ProbeOutcome exit = planned(Probe.WALK_EXIT);

        assertThat(enter.target()).isEqualTo("walk_page_vma");
        assertThat(exit.target()).isEqualTo("walk_page_vma");
        assertThat(exit.mode()).isEqualTo(ProbeMode.KRETPROBE);
    }

    @Test
    void withoutKprobesOrFentryFunctionProbesAreUnavailableAndSayWhy() {
        ProbeOutcome split = planned(Probe.PUD_SPLIT);

        assertThat(split.status()).isEqualTo(ProbeStatus.UNAVAILABLE);
        assertThat(split.mode()).isEqualTo(ProbeMode.NONE);
        assertThat(split.reason()).contains("fentry refused").contains("no kprobe PMU");
    }

    @Test
    void aModuleFunctionMissingFromKallsymsIsUnavailableWithThatReason() {
        kernel.kprobes = true;

        ProbeOutcome vfio = planned(Probe.SOURCE_VFIO_PCI);

        assertThat(vfio.status()).isEqualTo(ProbeStatus.UNAVAILABLE);
        assertThat(vfio.reason()).contains("not in /proc/kallsyms");
    }

    @Test
    void withoutBtfOffsetsTheStructReadingProbesAreUnavailable() {
        kernel.kprobes = true;
        kernel.btf = false;

        assertThat(planned(Probe.PUD_INSTALL).reason()).contains("BTF");
        assertThat(planned(Probe.MM_EXIT).status()).isEqualTo(ProbeStatus.AVAILABLE);
    }

    @Test
    void kprobesAndTracepointsTogetherMakeDetectionComplete() {
        kernel.kprobes = true;

        ProbeReport report = new ProbeReport(new ProbePlanner(kernel).plan(false));

        assertThat(report.verdict()).isEqualTo(Verdict.COMPLETE);
        assertThat(report.lostDetections()).allMatch(s -> s.startsWith("source-"));
    }

    @Test
    void onlyTracepointsLeaveDetectionImpossible() {
        ProbeReport report = new ProbeReport(new ProbePlanner(kernel).plan(false));

        assertThat(report.verdict()).isEqualTo(Verdict.IMPOSSIBLE);
    }

    @Test
    void aMissingTracepointDegradesDetection() {
        kernel.kprobes = true;
        kernel.tracepoints.remove("exceptions:page_fault_kernel");

        ProbeReport report = new ProbeReport(new ProbePlanner(kernel).plan(false));

        assertThat(report.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(report.lostDetections()).anyMatch(s -> s.contains("crashes"));
    }

    @Test
    void theSelftestProbeIsPlannedOnlyWhenAskedFor() {
        List<ProbeOutcome> normal = new ProbePlanner(kernel).plan(false);
        List<ProbeOutcome> selftest = new ProbePlanner(kernel).plan(true);

        assertThat(normal).noneMatch(o -> o.probe() == Probe.STORM);
        assertThat(selftest).anyMatch(o -> o.probe() == Probe.STORM);
    }
}
