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
    void aKprobeOnTheKallsymsSymbolIsTheFallbackWhenBtfLacksTheFunction() {
        kernel.fentry = true;
        kernel.kprobes = true;

        ProbeOutcome numaMaps = planned(Probe.PMD_ENTRY_NUMA_MAPS);

        assertThat(numaMaps.mode()).isEqualTo(ProbeMode.KPROBE);
        assertThat(numaMaps.target()).isEqualTo("gather_pte_stats");
    }

    @Test
    void aProbeThatReadsArgumentsIsNotAttachedToACompilerClone() {
        kernel.kprobes = true;
        kernel.replaceSymbol("gather_pte_stats", "ffffffff8146d8e0 t gather_pte_stats.isra.0");

        ProbeOutcome numaMaps = planned(Probe.PMD_ENTRY_NUMA_MAPS);

        assertThat(numaMaps.status()).isEqualTo(ProbeStatus.UNAVAILABLE);
        assertThat(numaMaps.mode()).isEqualTo(ProbeMode.NONE);
        assertThat(numaMaps.reason())
                .contains("only as the compiler's clone gather_pte_stats.isra.0");
    }

    @Test
    void theWalkMovesToWalkPageVmaWhenItsFirstTargetIsOnlyAConstpropClone() {
        kernel.kprobes = true;
        kernel.replaceSymbol(
                "__walk_page_range", "ffffffff8137e2a0 t __walk_page_range.constprop.0");

        ProbeOutcome enter = planned(Probe.WALK_ENTER);
        ProbeOutcome exit = planned(Probe.WALK_EXIT);

        assertThat(enter.target()).isEqualTo("walk_page_vma");
        assertThat(enter.mode()).isEqualTo(ProbeMode.KPROBE);
        assertThat(exit.target()).isEqualTo("walk_page_vma");
        assertThat(exit.mode()).isEqualTo(ProbeMode.KRETPROBE);
    }

    @Test
    void theExactNameWinsOverAClone() {
        kernel.kprobes = true;
        kernel.kallsyms.add("ffffffff813b2000 t __split_huge_pud.part.0");

        ProbeOutcome split = planned(Probe.PUD_SPLIT);

        assertThat(split.target()).isEqualTo("__split_huge_pud");
        assertThat(split.status()).isEqualTo(ProbeStatus.AVAILABLE);
    }

    @Test
    void aReturnProbeReadsNoArgumentsAndMaySitOnAClone() {
        kernel.kprobes = true;
        kernel.replaceSymbol("walk_page_vma", "ffffffff8137e6c0 t walk_page_vma.isra.0");

        ProbeOutcome exit = new ProbePlanner(kernel).planKprobe(Probe.WALK_EXIT, "walk_page_vma");

        assertThat(exit.mode()).isEqualTo(ProbeMode.KRETPROBE);
        assertThat(exit.target()).isEqualTo("walk_page_vma.isra.0");
    }

    @Test
    void theKprobeFallbackOfARefusedFentryUsesTheKallsymsName() {
        kernel.fentry = true;
        kernel.kprobes = true;
        kernel.btfFunctions.add("smaps_pte_range");
        kernel.replaceSymbol("smaps_pte_range", "ffffffff81468d30 T smaps_pte_range");
        ProbeOutcome fentry = planned(Probe.PMD_ENTRY_SMAPS);

        ProbeOutcome fallback =
                new ProbePlanner(kernel).planKprobe(fentry.probe(), fentry.target());

        assertThat(fentry.mode()).isEqualTo(ProbeMode.FENTRY);
        assertThat(fallback.mode()).isEqualTo(ProbeMode.KPROBE);
        assertThat(fallback.target()).isEqualTo("smaps_pte_range");
    }

    @Test
    void aRefusedFentryOnAFunctionKallsymsHasOnlyAsACloneGetsNoKprobe() {
        kernel.fentry = true;
        kernel.kprobes = true;
        kernel.btfFunctions.add("__split_huge_pud");
        kernel.replaceSymbol("__split_huge_pud", "ffffffff813b1f50 t __split_huge_pud.isra.0");

        ProbeOutcome fallback =
                new ProbePlanner(kernel).planKprobe(Probe.PUD_SPLIT, "__split_huge_pud");

        assertThat(fallback.status()).isEqualTo(ProbeStatus.UNAVAILABLE);
    }

    @Test
    void theWalkReturnProbeSitsOnTheFunctionItsEntryProbeChose() {
        kernel.kprobes = true;
        kernel.replaceSymbol("__walk_page_range", null);

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
