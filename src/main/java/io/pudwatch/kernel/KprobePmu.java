package io.pudwatch.kernel;

import java.nio.file.Path;

/**
 * The kprobe PMU: since Linux 4.17 a kprobe can be a perf event of this PMU, an fd that the kernel
 * removes when the process dies, instead of a text entry in tracefs' kprobe_events that outlives
 * it. Without {@code CONFIG_KPROBES} the directory is absent.
 */
public final class KprobePmu {
    /** Where the PMU shows in sysfs. */
    public static final Path PATH = Path.of("/sys/bus/event_source/devices/kprobe");

    private KprobePmu() {}
}
