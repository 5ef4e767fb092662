package io.pudwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DashboardShapeTest {
    private final JsonNode dashboard;

    DashboardShapeTest() throws Exception {
        dashboard = new ObjectMapper().readTree(Path.of("deploy/grafana/pudwatch.json").toFile());
    }

    @Test
    void everyQueryUsesTheDataSourceVariable() {
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText())
                        .as(panel.path("title").asText())
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void theDataSourceAndHostAreVariables() {
        Set<String> variables = new HashSet<>();
        for (JsonNode v : dashboard.path("templating").path("list")) {
            variables.add(v.path("name").asText() + ":" + v.path("type").asText());
        }
        assertThat(variables).contains("datasource:datasource", "instance:query");
        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
    }

    @Test
    void hostPanelsFilterByTheHostVariable() {
        boolean inHostRow = false;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                inHostRow = panel.path("title").asText().contains("$instance");
                continue;
            }
            for (JsonNode target : panel.path("targets")) {
                if (inHostRow) {
                    assertThat(target.path("expr").asText())
                            .as(panel.path("title").asText())
                            .contains("instance=~\"$instance\"");
                }
            }
        }
    }

    @Test
    void panelIdsAreUnique() {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("id %s", panel.path("id")).isTrue();
        }
    }
}
