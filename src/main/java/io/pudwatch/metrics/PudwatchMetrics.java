package io.pudwatch.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's meter registry: a Prometheus registry with the JVM basics bound, to which the
 * pudwatch binders are added. Binders whose label sets change ({@link ScrapeHook}s) are refreshed
 * by {@link #beforeScrape()}, which the {@code /metrics} handler calls.
 */
public final class PudwatchMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final List<ScrapeHook> hooks = new CopyOnWriteArrayList<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** A registry on the system clock with the JVM binders. */
    public PudwatchMetrics() {
        this(Clock.SYSTEM, true);
    }

    /**
     * @param clock the clock of timers and histograms; tests pass a mock clock
     * @param jvm whether to bind the JVM and process meters
     */
    public PudwatchMetrics(Clock clock, boolean jvm) {
        registry =
                new PrometheusMeterRegistry(
                        PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
        // Two of Micrometer's process meters break Prometheus naming rules that 'promtool check
        // metrics' enforces: process_cpu_time_ns_total (a unit other than seconds) and
        // system_cpu_count (a _count suffix outside a histogram). process_cpu_usage stays.
        registry.config()
                .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(MeterFilter.denyNameStartsWith("system.cpu.count"));
        if (jvm) {
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
        }
        bind(new BuildInfoMetrics());
    }

    /** Binds a binder; one that is also a {@link ScrapeHook} is refreshed before each scrape. */
    public PudwatchMetrics bind(MeterBinder binder) {
        binder.bindTo(registry);
        if (binder instanceof ScrapeHook hook) {
            hooks.add(hook);
        }
        return this;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The client_java registry underneath, which the {@code /metrics} handler scrapes. */
    public PrometheusRegistry prometheusRegistry() {
        return registry.getPrometheusRegistry();
    }

    public void beforeScrape() {
        for (ScrapeHook hook : hooks) {
            hook.beforeScrape();
        }
    }

    /** The text exposition, after refreshing; for tests and {@code pudwatch} diagnostics. */
    public String scrape() {
        beforeScrape();
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
