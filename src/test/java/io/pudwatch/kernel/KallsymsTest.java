package io.pudwatch.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KallsymsTest {
    private static final List<String> LINES =
            List.of(
                    "ffffffff816176b0 t __walk_page_range",
                    "ffffffff81617ee0 T walk_page_vma",
                    "ffffffff8179b440 t gather_pte_stats.isra.0",
                    "ffffffff8179b000 t gather_pte_stats.cold",
                    "ffffffff8179ca90 t smaps_pte_range.constprop.0",
                    "ffffffff8179ca00 t smaps_pte_range_helper",
                    "ffffffff81696710 T __split_huge_pud",
                    "ffffffff81696000 t __split_huge_pud_locked",
                    "ffffffffc0a01230 t vfio_pci_mmap_huge_fault\t[vfio_pci_core]",
                    "ffffffff82000000 d __split_huge_pud_data");

    private final Kallsyms symbols =
            Kallsyms.of(
                    LINES,
                    List.of(
                            "__walk_page_range",
                            "walk_page_vma",
                            "gather_pte_stats",
                            "smaps_pte_range",
                            "__split_huge_pud",
                            "vfio_pci_mmap_huge_fault"));

    @Test
    void anExactNameWinsOverLongerNamesSharingItsPrefix() {
        assertThat(symbols.function("__split_huge_pud"))
                .get()
                .extracting(Kallsyms.Symbol::name)
                .isEqualTo("__split_huge_pud");
    }

    @Test
    void anIsraVariantStandsInForAFunctionTheCompilerSpecialised() {
        assertThat(symbols.function("gather_pte_stats"))
                .get()
                .extracting(Kallsyms.Symbol::name)
                .isEqualTo("gather_pte_stats.isra.0");
    }

    @Test
    void aConstpropVariantIsFoundButANameThatOnlySharesThePrefixIsNot() {
        assertThat(symbols.function("smaps_pte_range"))
                .get()
                .extracting(Kallsyms.Symbol::name)
                .isEqualTo("smaps_pte_range.constprop.0");
        assertThat(Kallsyms.isVariantOf("smaps_pte_range_helper", "smaps_pte_range")).isFalse();
    }

    @Test
    void coldPartsAreNeverAFunctionEntry() {
        assertThat(Kallsyms.isVariantOf("gather_pte_stats.cold", "gather_pte_stats")).isFalse();
    }

    @Test
    void moduleSymbolsCarryTheirModuleName() {
        assertThat(symbols.function("vfio_pci_mmap_huge_fault"))
                .get()
                .extracting(Kallsyms.Symbol::module)
                .isEqualTo("vfio_pci_core");
    }

    @Test
    void dataSymbolsAreNotFunctions() {
        assertThat(symbols.startingWith("__split_huge_pud")).hasSize(3);
        assertThat(symbols.functionAt(0xffffffff82000000L)).isNull();
    }

    @Test
    void aFunctionIsNamedFromItsAddress() {
        assertThat(symbols.functionAt(0xffffffff8179b440L)).isEqualTo("gather_pte_stats.isra.0");
        assertThat(symbols.addressesHidden()).isFalse();
    }

    @Test
    void addressesThatAllReadZeroMeanKptrRestrictHidesThem() {
        Kallsyms hidden =
                Kallsyms.of(List.of("0000000000000000 T walk_page_vma"), List.of("walk_page_vma"));
        assertThat(hidden.addressesHidden()).isTrue();
    }
}
