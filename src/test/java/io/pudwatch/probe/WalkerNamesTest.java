package io.pudwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.pudwatch.kernel.Kallsyms;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkerNamesTest {
    private static final List<String> KALLSYMS =
            List.of(
                    "ffffffff8146d8e0 t gather_pte_stats",
                    "ffffffff81468d30 t smaps_pte_range.isra.0",
                    "ffffffff8146a100 t pagemap_pmd_range",
                    "ffffffff81400000 T vfs_read");

    private static WalkerNames fromFixture(List<String> lines) {
        return new WalkerNames(Kallsyms.of(lines, WalkerNames.CALLBACKS.keySet()));
    }

    @Test
    void theNumaMapsAndSmapsCallbacksNameTheirWalkers() {
        WalkerNames names = fromFixture(KALLSYMS);

        assertThat(names.nameOf(0xffffffff8146d8e0L)).isEqualTo("numa_maps");
        assertThat(names.nameOf(0xffffffff81468d30L)).isEqualTo("smaps");
    }

    @Test
    void anotherKnownCallbackIsNamedAfterItsFunction() {
        assertThat(fromFixture(KALLSYMS).nameOf(0xffffffff8146a100L))
                .isEqualTo("pagemap_pmd_range");
    }

    @Test
    void anAddressOfNoKnownCallbackHasNoName() {
        WalkerNames names = fromFixture(KALLSYMS);

        assertThat(names.nameOf(0xffffffff81400000L)).isNull();
        assertThat(names.nameOf(0)).isNull();
    }

    @Test
    void hiddenAddressesNameNothing() {
        WalkerNames names = fromFixture(List.of("0000000000000000 t gather_pte_stats"));

        assertThat(names.nameOf(0)).isNull();
    }
}
