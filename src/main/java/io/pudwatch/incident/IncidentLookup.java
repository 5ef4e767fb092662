package io.pudwatch.incident;

import java.util.Locale;
import java.util.Optional;

/** Finds an incident by its id or an unambiguous prefix, as a person types it from a page. */
public final class IncidentLookup {
    private IncidentLookup() {}

    /**
     * The record with id {@code idOrPrefix} (case ignored), or the only one that starts with it.
     *
     * @throws IllegalArgumentException when the prefix matches more than one record
     */
    public static Optional<IncidentRecord> find(
            Iterable<IncidentRecord> records, String idOrPrefix) {
        String wanted = idOrPrefix.trim().toUpperCase(Locale.ROOT);
        IncidentRecord match = null;
        int matches = 0;
        for (IncidentRecord r : records) {
            if (r.id().equals(wanted)) {
                return Optional.of(r);
            }
            if (r.id().startsWith(wanted)) {
                match = r;
                matches++;
            }
        }
        if (matches > 1) {
            throw new IllegalArgumentException(
                    "The id prefix '"
                            + idOrPrefix
                            + "' matches "
                            + matches
                            + " incidents; give more of the id.");
        }
        return Optional.ofNullable(match);
    }
}
