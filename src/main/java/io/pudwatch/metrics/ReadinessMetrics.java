package io.pudwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.BooleanSupplier;

/** {@code pudwatch_ready}: 1 when {@code /readyz} would answer 200, so alerts can see it. */
public final class ReadinessMetrics implements MeterBinder {
    private final BooleanSupplier ready;

    public ReadinessMetrics(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pudwatch.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when probes are attached and events flow (see /readyz), else 0.")
                .strongReference(true)
                .register(registry);
    }
}
