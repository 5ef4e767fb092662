package io.pudwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentStoreTest {
    @TempDir Path dir;

    @Test
    void aReopenedStoreServesTheIncidentsWrittenBefore() throws Exception {
        IncidentRecord first = Records.record(1_767_000_000_000L, 1_000);
        IncidentRecord second = Records.record(1_767_000_060_000L, 2_000);
        try (IncidentStore store = IncidentStore.open(dir)) {
            store.add(first);
            store.add(second);
        }

        try (IncidentStore reopened = IncidentStore.open(dir)) {
            assertThat(reopened.list(null)).containsExactly(first, second);
            assertThat(reopened.added()).isZero();
        }
    }

    @Test
    void theLogRotatesBySizeAndKeepsTheNewestFiles() throws Exception {
        try (IncidentStore store = IncidentStore.open(dir, 4096, 2, 1000)) {
            for (int i = 0; i < 40; i++) {
                store.add(Records.record(1_767_000_000_000L + i, i));
            }
        }

        assertThat(dir.resolve("incidents.jsonl")).exists();
        assertThat(dir.resolve("incidents.jsonl.1")).exists();
        assertThat(dir.resolve("incidents.jsonl.2")).exists();
        assertThat(dir.resolve("incidents.jsonl.3")).doesNotExist();
        for (String name : new String[] {"incidents.jsonl.1", "incidents.jsonl.2"}) {
            assertThat(Files.size(dir.resolve(name))).isLessThanOrEqualTo(4096);
        }
        try (IncidentStore reopened = IncidentStore.open(dir, 4096, 2, 1000)) {
            // What survives is the newest records, in the order they were written.
            var ids = reopened.list(null).stream().map(r -> r.recordedAt().toEpochMilli()).toList();
            assertThat(ids)
                    .isSorted()
                    .isNotEmpty()
                    .hasSizeLessThan(40)
                    .endsWith(1_767_000_000_039L);
        }
    }

    @Test
    void aMalformedLineIsSkippedAtStartAndTheRestIsLoaded() throws Exception {
        IncidentRecord good = Records.record(1_767_000_000_000L, 1_000);
        Files.writeString(
                dir.resolve("incidents.jsonl"),
                "{\"id\":\"cut short\n" + IncidentRecordJson.toJson(good, true) + "\n");

        try (IncidentStore store = IncidentStore.open(dir)) {
            assertThat(store.list(null)).containsExactly(good);
        }
    }

    @Test
    void aRecordCutShortByACrashDoesNotSpoilTheNextOne() throws Exception {
        IncidentRecord good = Records.record(1_767_000_000_000L, 1_000);
        Files.writeString(dir.resolve("incidents.jsonl"), "{\"id\":\"01J");
        try (IncidentStore store = IncidentStore.open(dir)) {
            store.add(good);
        }

        try (IncidentStore reopened = IncidentStore.open(dir)) {
            assertThat(reopened.list(null)).containsExactly(good);
        }
    }

    @Test
    void listingSinceAnInstantLeavesOutOlderIncidents() throws Exception {
        try (IncidentStore store = IncidentStore.open(dir)) {
            store.add(Records.record(1_000_000, 1));
            store.add(Records.record(2_000_000, 2));

            assertThat(store.list(Instant.ofEpochMilli(1_500_000)))
                    .extracting(r -> r.incident().splitTs())
                    .containsExactly(2L);
        }
    }

    @Test
    void anIncidentIsFoundByAUniquePrefixOfItsIdInAnyCase() throws Exception {
        IncidentRecord a = Records.record(1_767_000_000_000L, 1);
        IncidentRecord b = Records.record(1_767_000_000_000L, 2);
        try (IncidentStore store = IncidentStore.open(dir)) {
            store.add(a);
            store.add(b);

            assertThat(store.find(a.id())).contains(a);
            assertThat(store.find(b.id().substring(0, 12).toLowerCase())).contains(b);
            assertThat(store.find("ZZZZ")).isEmpty();
            assertThatThrownBy(() -> store.find(a.id().substring(0, 10)))
                    .hasMessageContaining("matches 2 incidents");
        }
    }

    @Test
    void idsSortByTheTimeTheIncidentWasFound() {
        String earlier = Records.record(1_767_000_000_000L, 99).id();
        String later = Records.record(1_767_000_000_001L, 1).id();

        assertThat(earlier).hasSize(16).isLessThan(later).matches("[0-9A-HJKMNP-TV-Z]{16}");
    }
}
