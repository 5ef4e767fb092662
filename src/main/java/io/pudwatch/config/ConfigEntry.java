package io.pudwatch.config;

/** The value of one key read from the configuration file, as option text, and its line. */
record ConfigEntry(String value, int line) {}
