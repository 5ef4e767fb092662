package io.pudwatch.correlate;

/** Told of each incident as its window closes, on the correlator's thread. */
@FunctionalInterface
public interface IncidentListener {
    void onIncident(Incident incident);
}
