package io.pudwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PromQL of a Grafana dashboard, with Grafana's variables replaced by what Grafana would send
 * for "All hosts" over the last five minutes.
 */
final class DashboardQueries {
    record Query(String panel, String expr) {}

    private DashboardQueries() {}

    static List<Query> read(Path dashboard) throws IOException {
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        List<Query> queries = new ArrayList<>();
        collect(root.path("panels"), queries);
        for (JsonNode variable : root.path("templating").path("list")) {
            String definition = variable.path("definition").asText("");
            if (definition.startsWith("label_values(")) {
                // label_values(METRIC, LABEL) is Grafana's; the metric part is PromQL.
                String metric =
                        definition.substring("label_values(".length(), definition.lastIndexOf(','));
                queries.add(new Query("variable " + variable.path("name").asText(), metric));
            }
        }
        return queries;
    }

    static String substitute(String expr) {
        return expr.replace("$__rate_interval", "1m")
                .replace("$__range", "5m")
                .replace("$__interval", "15s")
                .replace("${instance}", ".*")
                .replace("$instance", ".*");
    }

    private static void collect(JsonNode panels, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                into.add(new Query(panel.path("title").asText(), target.path("expr").asText()));
            }
            collect(panel.path("panels"), into);
        }
    }
}
