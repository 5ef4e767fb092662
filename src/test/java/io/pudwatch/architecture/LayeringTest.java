package io.pudwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The data flows kernel, binding, probes, decoding, correlation, outputs, with cli on top. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.pudwatch");
    }

    @Test
    void onlyTheBindingTouchesJna() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.pudwatch.bcc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineTouchesPicocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.pudwatch.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void correlatorDependsOnNothingButTheEventModelAndCollections() {
        noClasses()
                .that()
                .resideInAPackage("io.pudwatch.correlate..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.pudwatch.cli..",
                        "io.pudwatch.bcc..",
                        "io.pudwatch.probe..",
                        "io.pudwatch.trace..",
                        "io.pudwatch.metrics..",
                        "io.pudwatch.http..",
                        "java.io..",
                        "java.nio..",
                        "java.net..",
                        "org.slf4j..")
                .check(classes);
    }

    @Test
    void correlatorReadsNoClock() {
        noClasses()
                .that()
                .resideInAPackage("io.pudwatch.correlate..")
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(classes);
    }
}
