package io.pudwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pudwatch.testing.Commands;
import io.pudwatch.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes, checked by the Kubernetes and prometheus-operator JSON schemas
 * (scripts/kubernetes-validate, installed by scripts/install-kubernetes-validator), by kustomize,
 * and for what the agent needs on a node.
 */
class KubernetesManifestsTest {
    private static final Path MANIFESTS = Path.of("deploy/kubernetes");
    private static final Path VALIDATOR = Path.of("scripts/kubernetes-validate/validate.mjs");
    private static final Path RULES = Path.of("deploy/prometheus/pudwatch-rules.yml");
    private static final Path STAND_IN_RULES =
            Path.of("src/test/resources/io/pudwatch/deploy/pudwatch-rules.yml");
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir Path dir;

    private static void assumeValidatorInstalled() {
        Prerequisites.assumeInstalled(
                Commands.onPath("node")
                        && Files.isDirectory(
                                Path.of("scripts/kubernetes-validate/node_modules")
                                        .resolve("kubernetes-models")),
                "node and the manifest validator: run scripts/install-kubernetes-validator");
    }

    private static Commands.Result validate(List<String> files) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.toString()));
        command.addAll(files);
        return Commands.run(command, LIMIT);
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static JsonNode read(String name) throws IOException {
        return YAML.readTree(MANIFESTS.resolve(name).toFile());
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesSchemas() throws IOException {
        assumeValidatorInstalled();
        List<Path> manifests = manifests();

        Commands.Result result = validate(manifests.stream().map(Path::toString).toList());

        assertThat(result.exitStatus()).as(result.output()).isZero();
        assertThat(result.stdout().lines().filter(l -> l.startsWith("valid ")))
                .hasSize(manifests.size());
    }

    @Test
    void theValidatorRefusesAWrongTypeAMissingFieldAndAnUnknownKind() throws IOException {
        assumeValidatorInstalled();
        Path broken =
                Files.writeString(
                        dir.resolve("broken.yaml"),
                        """
                        apiVersion: apps/v1
                        kind: DaemonSet
                        metadata: {name: broken}
                        spec:
                          selector: {matchLabels: {a: b}}
                          template:
                            spec:
                              hostPID: "yes"
                        ---
                        apiVersion: example.com/v1
                        kind: Gadget
                        metadata: {name: gadget}
                        """);

        Commands.Result result = validate(List.of(broken.toString()));

        assertThat(result.exitStatus()).isEqualTo(1);
        assertThat(result.stderr())
                .contains("hostPID must be boolean")
                .contains("must have required property containers")
                .contains("Gadget/gadget: no schema for apiVersion example.com/v1");
    }

    @Test
    void kustomizeRendersEveryManifestIntoTheNamespaceAndTheResultIsValid() throws IOException {
        assumeValidatorInstalled();
        Prerequisites.assumeInstalled(Commands.onPath("kubectl"), "kubectl, for kustomize");

        Commands.Result rendered =
                Commands.run(List.of("kubectl", "kustomize", MANIFESTS.toString()), LIMIT);
        assertThat(rendered.exitStatus()).as(rendered.output()).isZero();
        Path stream = Files.writeString(dir.resolve("rendered.yaml"), rendered.stdout());
        Commands.Result result = validate(List.of(stream.toString()));

        assertThat(result.exitStatus()).as(result.output()).isZero();
        assertThat(result.stdout().lines().filter(l -> l.startsWith("valid ")))
                .hasSize(manifests().size());
        for (JsonNode object :
                YAML.readValues(YAML.createParser(rendered.stdout()), JsonNode.class).readAll()) {
            String namespace =
                    object.at("/kind").asText().equals("Namespace")
                            ? object.at("/metadata/name").asText()
                            : object.at("/metadata/namespace").asText();
            assertThat(namespace).as(object.at("/kind").asText()).isEqualTo("pudwatch");
        }
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        Set<String> listed = new TreeSet<>();
        read("kustomization.yaml").get("resources").forEach(r -> listed.add(r.asText()));

        Set<String> present = new TreeSet<>();
        manifests().forEach(m -> present.add(m.getFileName().toString()));
        assertThat(listed).isEqualTo(present);
    }

    @Test
    void theDaemonSetRunsOnGpuHypervisorsWithWhatBccAndTheProbesNeed() throws IOException {
        JsonNode pod = read("daemonset.yaml").at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(pod.at("/hostPID").asBoolean()).isTrue();
        assertThat(pod.at("/nodeSelector/pudwatch.io~1gpu-hypervisor").asText()).isEqualTo("true");

        Map<String, String> hostPaths = new java.util.HashMap<>();
        pod.at("/volumes")
                .forEach(
                        v -> {
                            if (v.has("hostPath")) {
                                hostPaths.put(
                                        v.at("/name").asText(), v.at("/hostPath/path").asText());
                            }
                        });
        Map<String, String> mounts = new java.util.HashMap<>();
        container
                .at("/volumeMounts")
                .forEach(
                        m ->
                                mounts.put(
                                        m.at("/mountPath").asText(),
                                        hostPaths.get(m.at("/name").asText())));
        for (String path :
                List.of(
                        "/sys/kernel/btf",
                        "/sys/kernel/tracing",
                        "/lib/modules",
                        "/usr/src",
                        "/var/lib/pudwatch",
                        "/var/cache/pudwatch")) {
            assertThat(mounts).as("host path mounted at " + path).containsEntry(path, path);
        }

        List<String> added = new ArrayList<>();
        container.at("/securityContext/capabilities/add").forEach(c -> added.add(c.asText()));
        assertThat(added)
                .contains("BPF", "PERFMON", "SYS_RESOURCE", "SYSLOG", "SYS_PTRACE")
                .doesNotContain("SYS_ADMIN");
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(container.at("/securityContext/privileged").asBoolean()).isFalse();

        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(9742);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        for (String bound : List.of("requests", "limits")) {
            assertThat(container.at("/resources/" + bound + "/cpu").isMissingNode()).isFalse();
            assertThat(container.at("/resources/" + bound + "/memory").isMissingNode()).isFalse();
        }
    }

    @Test
    void thePodMonitorNamesTheJobTheAlertRulesExpect() throws IOException {
        JsonNode monitor = read("podmonitor.yaml");
        JsonNode podLabels = read("daemonset.yaml").at("/spec/template/metadata/labels");

        String jobLabel = monitor.at("/spec/jobLabel").asText();
        assertThat(podLabels.get(jobLabel).asText()).isEqualTo("pudwatch");
        assertThat(monitor.at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("metrics");
    }

    @Test
    void theCheckedInPrometheusRuleIsTheOneGeneratedFromTheRulesFile() throws IOException {
        Path rules = Files.isRegularFile(RULES) ? RULES : STAND_IN_RULES;

        Commands.Result generated =
                Commands.run(List.of("sh", "scripts/gen-prometheusrule", rules.toString()), LIMIT);

        assertThat(generated.exitStatus()).as(generated.output()).isZero();
        assertThat(Files.readString(MANIFESTS.resolve("prometheusrule.yaml")))
                .as(
                        "regenerate: scripts/gen-prometheusrule"
                                + " > deploy/kubernetes/prometheusrule.yaml")
                .isEqualTo(generated.stdout());
    }

    @Test
    void thePrometheusRuleCarriesTheGroupsOfTheRulesFileUnchanged() throws IOException {
        Path rules = Files.isRegularFile(RULES) ? RULES : STAND_IN_RULES;

        JsonNode groups = YAML.readTree(rules.toFile()).get("groups");
        JsonNode wrapped = read("prometheusrule.yaml").at("/spec/groups");

        assertThat(wrapped).isEqualTo(groups);
        assertThat(groups.size()).isPositive();
    }

    @Test
    void theGeneratorRefusesARulesFileWithMoreThanGroups() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yml"), "groups: []\nextra: 1\n");

        Commands.Result generated =
                Commands.run(List.of("sh", "scripts/gen-prometheusrule", rules.toString()), LIMIT);

        assertThat(generated.exitStatus()).isEqualTo(1);
        assertThat(generated.stderr()).contains("top-level keys other than groups: extra: 1");
    }
}
