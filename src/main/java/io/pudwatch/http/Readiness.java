package io.pudwatch.http;

import java.util.List;

/**
 * What {@code /readyz} answers.
 *
 * @param ready whether the agent watches (or, for a trace, has watched) what it should
 * @param reasons for a ready agent what it runs; otherwise each thing that is missing
 */
public record Readiness(boolean ready, List<String> reasons) {
    public Readiness {
        reasons = List.copyOf(reasons);
    }

    /** The response body: {@code ready} or {@code not ready}, then one reason per line. */
    public String body() {
        StringBuilder s = new StringBuilder(ready ? "ready" : "not ready");
        for (String reason : reasons) {
            s.append("\n").append(reason);
        }
        return s.append("\n").toString();
    }
}
