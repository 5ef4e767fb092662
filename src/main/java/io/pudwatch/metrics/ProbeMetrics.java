package io.pudwatch.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pudwatch_probe_attached{probe,mode,required}}: 1 for each probe that delivers events, 0
 * for one that failed to attach or was detached. A failed probe is a metric, not a crash. {@code
 * required="false"} marks probes detection does without (attribution of a reinstall to vfio-pci or
 * nvgrace-gpu), so that alerts can ignore them.
 */
public final class ProbeMetrics implements MeterBinder, ScrapeHook {
    private final ProbeStates probes;
    private MultiGauge attached;

    public ProbeMetrics(ProbeStates probes) {
        this.probes = probes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        attached =
                MultiGauge.builder("pudwatch.probe.attached")
                        .description("Whether a probe is attached (1) or not (0).")
                        .register(registry);
        beforeScrape();
    }

    /** Re-reads the probe list, which may gain, lose or change probes while the agent runs. */
    @Override
    public synchronized void beforeScrape() {
        if (attached == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ProbeState probe : probes.get()) {
            rows.add(
                    MultiGauge.Row.of(
                            Tags.of(
                                    "probe", probe.probe(),
                                    "mode", probe.mode(),
                                    "required", Boolean.toString(probe.required())),
                            probe.attached() ? 1 : 0));
        }
        attached.register(rows, true);
    }
}
