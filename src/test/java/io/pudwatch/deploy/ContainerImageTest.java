package io.pudwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the tests run, so the image definition is checked by reading it: base
 * image, packages, user, and that every file it copies is one the build has.
 */
class ContainerImageTest {
    private static final Path DOCKERFILE = Path.of("deploy/container/Dockerfile");
    private static final Path IGNORE = Path.of("deploy/container/Dockerfile.dockerignore");

    @Test
    void theImageIsBuiltOnDebian12() throws IOException {
        List<Dockerfile.Instruction> from = Dockerfile.read(DOCKERFILE).all("FROM");

        assertThat(from).hasSize(1);
        assertThat(from.get(0).arguments()).isIn("debian:12-slim", "debian:bookworm-slim");
    }

    @Test
    void itInstallsLibbccAndAJava17RuntimeAndDropsThePackageLists() throws IOException {
        List<Dockerfile.Instruction> runs = Dockerfile.read(DOCKERFILE).all("RUN");

        assertThat(runs)
                .anySatisfy(
                        run ->
                                assertThat(run.arguments())
                                        .contains("apt-get install")
                                        .contains("--no-install-recommends")
                                        .contains("libbpfcc")
                                        .contains("openjdk-17-jre-headless")
                                        .contains("rm -rf /var/lib/apt/lists/*"));
    }

    @Test
    void everyCopiedFileExistsOrIsTheJarTheBuildMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> missing = new ArrayList<>();

        for (Dockerfile.Instruction copy : Dockerfile.read(DOCKERFILE).all("COPY")) {
            List<String> words = copy.words();
            assertThat(words).as("COPY with one source: %s", copy).hasSize(2);
            String source = words.get(0);
            if (source.equals("target/pudwatch.jar")) {
                assertThat(pom).contains("<finalName>pudwatch</finalName>");
            } else if (!Files.isRegularFile(Path.of(source))) {
                missing.add(source);
            }
            assertThat(ignoredByContext(source))
                    .as("%s excluded from the context", source)
                    .isFalse();
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void itRunsTheAgentAsRootOnPort9742WithTheShippedConfiguration() throws IOException {
        Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

        assertThat(dockerfile.all("USER"))
                .last()
                .extracting(Dockerfile.Instruction::arguments)
                .isEqualTo("root");
        assertThat(dockerfile.all("EXPOSE"))
                .singleElement()
                .extracting(Dockerfile.Instruction::arguments)
                .isEqualTo("9742");
        assertThat(dockerfile.all("ENTRYPOINT"))
                .singleElement()
                .extracting(Dockerfile.Instruction::arguments)
                .isEqualTo("[\"/usr/bin/pudwatch\"]");
        assertThat(dockerfile.all("CMD"))
                .singleElement()
                .extracting(Dockerfile.Instruction::arguments)
                .isEqualTo("[\"run\", \"--config\", \"/etc/pudwatch/pudwatch.yaml\"]");
    }

    /** Whether the Dockerfile's own ignore file (ignore all, then '!' exceptions) drops it. */
    private static boolean ignoredByContext(String source) throws IOException {
        boolean ignored = false;
        for (String line : Files.readAllLines(IGNORE)) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            if (rule.equals("*")) {
                ignored = true;
            } else if (rule.equals("!" + source)) {
                ignored = false;
            }
        }
        return ignored;
    }
}
