package io.pudwatch.incident;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a container id in a cgroup path, as the container runtimes name their scopes. */
final class ContainerIds {
    // docker-<id>.scope (systemd driver), cri-containerd-<id>.scope, crio-<id>.scope,
    // libpod-<id>.scope (podman), and /docker/<id> or /kubepods/.../<id> (cgroupfs driver):
    // all runtimes use a 64-hex-digit id.
    private static final Pattern ID =
            Pattern.compile("(?:^|[/-])([0-9a-f]{64})(?:\\.scope)?(?:/|$)");

    private ContainerIds() {}

    /** The container id in {@code cgroupPath}, or {@code null} when it names none. */
    static String find(String cgroupPath) {
        if (cgroupPath == null) {
            return null;
        }
        Matcher m = ID.matcher(cgroupPath);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
