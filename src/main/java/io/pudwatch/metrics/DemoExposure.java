package io.pudwatch.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.pudwatch.doctor.KernelClass;
import io.pudwatch.doctor.Verdict;
import io.pudwatch.simulate.KernelBehaviour;
import java.util.function.Supplier;

/**
 * The kernel exposure of replay and demo mode, where no host check runs: read from the trace
 * header's {@code release} (a recorded host's {@code uname -r}) or, for a simulated trace, from its
 * {@code kernel} field ({@code vulnerable} or {@code fixed}).
 */
public final class DemoExposure {
    private DemoExposure() {}

    /** Reads the header each time, since a replay reads it only once it has started. */
    public static Exposure fromTraceHeader(Supplier<JsonNode> header) {
        return () -> of(header.get());
    }

    /** A simulated host's exposure, with a release label that says it is simulated. */
    public static Exposure simulated(KernelBehaviour kernel) {
        KernelExposure exposure = simulatedExposure(kernel);
        return () -> exposure;
    }

    static KernelExposure of(JsonNode header) {
        if (header == null) {
            return KernelExposure.unknown();
        }
        String release = header.path("release").asText("");
        if (!release.isEmpty()) {
            return KernelExposure.fromRelease(release);
        }
        return switch (header.path("kernel").asText("")) {
            case "vulnerable" -> simulatedExposure(KernelBehaviour.VULNERABLE);
            case "fixed" -> simulatedExposure(KernelBehaviour.FIXED);
            default -> KernelExposure.unknown();
        };
    }

    private static KernelExposure simulatedExposure(KernelBehaviour kernel) {
        return kernel == KernelBehaviour.VULNERABLE
                ? new KernelExposure(
                        "simulated-vulnerable", Verdict.EXPOSED, KernelClass.VULNERABLE)
                : new KernelExposure("simulated-fixed", Verdict.NOT_EXPOSED, KernelClass.FIXED);
    }
}
