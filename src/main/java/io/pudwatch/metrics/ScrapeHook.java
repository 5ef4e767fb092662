package io.pudwatch.metrics;

/** Refreshes meters whose label sets can change, just before a scrape reads them. */
@FunctionalInterface
public interface ScrapeHook {
    /** Must be quick and must not throw. */
    void beforeScrape();
}
