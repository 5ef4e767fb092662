package io.pudwatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version this build was made as, read from a resource Maven fills in. */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {}

    public static String version() {
        return VERSION;
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/pudwatch-build.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }
}
