package io.pudwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pudwatch.doctor.KernelClass;
import java.util.List;

/**
 * The host's kernel: {@code pudwatch_kernel_info{release,exposure,range} 1}, and {@code
 * pudwatch_kernel_vulnerable}, 1 when the release number is in a vulnerable range, which lets an
 * alert tell a near miss (a retry on a vulnerable kernel) from the fix at work.
 */
public final class KernelMetrics implements MeterBinder, ScrapeHook {
    private final Exposure exposure;
    private MultiGauge info;
    private volatile KernelExposure last = KernelExposure.unknown();

    public KernelMetrics(Exposure exposure) {
        this.exposure = exposure;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        info =
                MultiGauge.builder("pudwatch.kernel.info")
                        .description(
                                "The kernel release, the host's exposure verdict and the"
                                        + " release's range (vulnerable, fixed, not_affected,"
                                        + " unknown); always 1.")
                        .register(registry);
        io.micrometer.core.instrument.Gauge.builder(
                        "pudwatch.kernel.vulnerable",
                        this,
                        m -> m.last.kernelClass() == KernelClass.VULNERABLE ? 1 : 0)
                .description(
                        "1 when the kernel release is in a vulnerable range, 0 otherwise (also"
                                + " when unknown: see pudwatch_kernel_info's range label).")
                .strongReference(true)
                .register(registry);
        beforeScrape();
    }

    /** Re-reads the exposure, which the host check may revise while the agent runs. */
    @Override
    public synchronized void beforeScrape() {
        if (info == null) {
            return;
        }
        KernelExposure now = exposure.current();
        if (now == null) {
            now = KernelExposure.unknown();
        }
        last = now;
        info.register(
                List.of(
                        MultiGauge.Row.of(
                                Tags.of(
                                        "release", now.release(),
                                        "exposure", now.verdict().label(),
                                        "range", now.kernelClass().label()),
                                1)),
                true);
    }
}
