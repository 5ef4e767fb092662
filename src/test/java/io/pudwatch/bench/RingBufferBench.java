package io.pudwatch.bench;

import io.pudwatch.correlate.CorrelatorConfig;
import io.pudwatch.correlate.Pipeline;
import io.pudwatch.event.EventType;
import io.pudwatch.probe.LiveSource;
import io.pudwatch.probe.LiveSourceOptions;
import io.pudwatch.probe.MmTracking;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ring buffer throughput from the kernel into the correlator, under a storm from the selftest probe
 * on mmap_lock:mmap_lock_start_locking driven by an mmap/munmap loop of one thread.
 *
 * <p>Runs the loop first without the agent, then with it attached, and prints events per second,
 * losses, the consumer thread's CPU and the loop's slowdown. Needs root. Usage: RingBufferBench
 * [iterations] [ring pages]
 */
public final class RingBufferBench {
    private RingBufferBench() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        Path file = Files.createTempFile("pudwatch-bench", ".bin");
        Files.write(file, new byte[4096]);
        sun.misc.Unsafe unsafe = unsafe();

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            loop(channel, unsafe, iterations / 10); // warm-up
            long baseline = loop(channel, unsafe, iterations);

            LiveSourceOptions options =
                    LiveSourceOptions.defaults()
                            .withStateDir(Path.of("target/bench-state"))
                            .withProgram(Path.of("bpf/pudwatch.bpf.c"))
                            .withRingBufferPages(pages)
                            .withMmTracking(MmTracking.TRACKED)
                            .withSelftest(true);
            try (LiveSource source = LiveSource.open(options)) {
                Pipeline pipeline = new Pipeline(CorrelatorConfig.defaults(), 10_000_000L, i -> {});
                AtomicBoolean stop = new AtomicBoolean();
                Thread consumer =
                        new Thread(
                                () -> source.run(pipeline, pipeline::idleUntil, stop::get),
                                "consumer");
                consumer.start();
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long cpuBefore = threads.getThreadCpuTime(consumer.getId());

                source.setStormThread(currentTid());
                long traced = loop(channel, unsafe, iterations);
                source.setStormThread(0);
                long drained = System.nanoTime();
                long last = -1;
                while (source.stats().recordsDecoded() != last) {
                    last = source.stats().recordsDecoded();
                    Thread.sleep(200);
                }
                long cpu = threads.getThreadCpuTime(consumer.getId()) - cpuBefore;
                stop.set(true);
                consumer.join();
                pipeline.end();

                long events = source.stats().recordsDecoded();
                long lost = source.stats().lost();
                double seconds = traced / 1e9;
                System.out.printf("iterations            %,d (mmap+munmap of 4 KiB)%n", iterations);
                System.out.printf("ring buffer           %d pages (%d KiB)%n", pages, pages * 4);
                System.out.printf(
                        "loop without agent    %.3f s (%.0f ns/iteration)%n",
                        baseline / 1e9, (double) baseline / iterations);
                System.out.printf(
                        "loop with agent       %.3f s (%.0f ns/iteration)%n",
                        seconds, (double) traced / iterations);
                System.out.printf("slowdown              %.2fx%n", (double) traced / baseline);
                System.out.printf(
                        "events delivered      %,d (%,.0f events/s over the loop)%n",
                        events, events / seconds);
                System.out.printf(
                        "correlator counted    %,d pmd_entry%n",
                        pipeline.correlator().stats().events(EventType.PMD_ENTRY));
                System.out.printf("lost                  %,d%n", lost);
                System.out.printf(
                        "batches / wakeups     %,d / %,d (%.0f events per batch)%n",
                        source.stats().batches(),
                        source.stats().wakeups(),
                        (double) events / Math.max(1, source.stats().batches()));
                System.out.printf(
                        "consumer CPU          %.3f s = %.0f%% of one core over the"
                                + " loop, %.0f ns per event%n",
                        cpu / 1e9,
                        100.0 * cpu / (drained - (drained - traced)),
                        (double) cpu / events);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** mmap and munmap one page, {@code n} times; returns the elapsed nanoseconds. */
    private static long loop(FileChannel channel, sun.misc.Unsafe unsafe, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MappedByteBuffer page = channel.map(FileChannel.MapMode.READ_ONLY, 0, 4096);
            unsafe.invokeCleaner(page);
        }
        return System.nanoTime() - start;
    }

    private static long currentTid() throws Exception {
        String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
        return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    }

    private static sun.misc.Unsafe unsafe() throws Exception {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return (sun.misc.Unsafe) f.get(null);
    }
}
