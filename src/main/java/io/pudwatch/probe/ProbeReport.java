package io.pudwatch.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Each probe's outcome, updated by the thread that attaches them and readable from any other
 * (metrics export {@code pudwatch_probe_attached{probe,mode}} from it).
 */
public final class ProbeReport {
    private volatile List<ProbeOutcome> outcomes;

    public ProbeReport(List<ProbeOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /** A consistent snapshot, in probe order. */
    public List<ProbeOutcome> outcomes() {
        return outcomes;
    }

    /** The outcome of {@code probe}, or {@code null} when it was not planned. */
    public ProbeOutcome outcome(Probe probe) {
        for (ProbeOutcome o : outcomes) {
            if (o.probe() == probe) {
                return o;
            }
        }
        return null;
    }

    synchronized void replace(ProbeOutcome updated) {
        List<ProbeOutcome> next = new ArrayList<>(outcomes);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).probe() == updated.probe()) {
                next.set(i, updated);
            }
        }
        outcomes = List.copyOf(next);
    }

    /** What the usable probes can detect; selftest probes do not count. */
    public Verdict verdict() {
        Verdict verdict = Verdict.COMPLETE;
        for (ProbeOutcome o : outcomes) {
            if (o.usable()) {
                continue;
            }
            switch (o.probe().importance()) {
                case ESSENTIAL -> {
                    return Verdict.IMPOSSIBLE;
                }
                case DETECTION -> verdict = Verdict.DEGRADED;
                default -> {}
            }
        }
        return verdict;
    }

    /** Sentences naming the detection lost through each missing probe. */
    public List<String> lostDetections() {
        List<String> lost = new ArrayList<>();
        for (ProbeOutcome o : outcomes) {
            if (!o.usable() && o.probe().importance() != Probe.Importance.SELFTEST) {
                lost.add(o.name() + " is " + o.status().label() + ": " + o.probe().lostWithout());
            }
        }
        return lost;
    }
}
