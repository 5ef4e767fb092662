package io.pudwatch.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pudwatch.BuildInfo;

/** {@code pudwatch_build_info{version} 1}: which build runs where, for fleet roll-outs. */
public final class BuildInfoMetrics implements MeterBinder {
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pudwatch.build.info", () -> 1)
                .description("The pudwatch version of this agent; always 1.")
                .tag("version", BuildInfo.version())
                .register(registry);
    }
}
