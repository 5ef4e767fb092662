package io.pudwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
    private static final List<String> KEYS =
            List.of("window-timeout", "reorder-window", "max-open-windows", "listen");

    @Test
    void aTypoFindsTheKeyItMeant() {
        assertThat(ClosestName.of("window-timout", KEYS)).contains("window-timeout");
        assertThat(ClosestName.of("lisen", KEYS)).contains("listen");
        assertThat(ClosestName.of("max_open_windows", KEYS)).contains("max-open-windows");
    }

    @Test
    void aWordFarFromEveryKeyFindsNothing() {
        assertThat(ClosestName.of("colour", KEYS)).isEmpty();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(ClosestName.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestName.editDistance("", "abc")).isEqualTo(3);
        assertThat(ClosestName.editDistance("same", "same")).isZero();
    }
}
