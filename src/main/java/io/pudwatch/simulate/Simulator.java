package io.pudwatch.simulate;

import io.pudwatch.event.EventSink;
import io.pudwatch.event.EventType;
import io.pudwatch.event.FaultSource;
import io.pudwatch.event.TraceEvent;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A seeded model of the interleavings between page walkers and VFIO refaults on one host, producing
 * the events the probes would see.
 *
 * <p>The model follows {@code walk_pud_range()} of v6.12-v6.18: for each PUD of the BAR the walker
 * splits a present entry (which, for a pfnmap, clears it), re-checks {@code pud_none()}, and looks
 * at the entry again before moving on. A DMA-map sweep of the VM refaults every cleared entry it
 * passes. A reinstall between the split and the re-check sends a vulnerable kernel's walker down
 * into the leaf (an oops, or a silent descent) and makes a fixed kernel's walker split again; a
 * reinstall between the re-check and the next look makes either kernel split again. VMs are not
 * torn down while a walker reads them, because the reader holds the mm's users count, as {@code
 * /proc} does.
 *
 * <p>Deterministic for a given configuration: one seed drives every choice.
 */
public final class Simulator {
    /** Where simulated time starts unless told otherwise: 1000 s, clear of zero. */
    public static final long DEFAULT_START_TS = 1_000_000_000_000L;

    private static final long GIB = 1L << 30;
    private static final int CPUS = 8;
    private static final String[] READERS = {"numastat", "node_exporter", "collectd", "cat"};
    // Direct-map base of x86_64 with 4-level paging; where a PFN read as a table lands.
    private static final long PAGE_OFFSET = 0xffff888000000000L;
    private static final long FAULT_IP = 0xffffffff813a61d3L;

    private final SimulationConfig config;
    private final EventSink sink;
    private final SplittableRandom random;
    private final SplittableRandom lossRandom;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private final DeliveryQueue delivery;
    private final long[] lostPerCpu = new long[CPUS];
    private final ArrayDeque<Long> freeMms = new ArrayDeque<>();
    private final TraceEvent event = new TraceEvent();
    private final Vm[] vms;
    private final Walker[] walkers;
    private final long startTs;
    private long now;
    private long stepSeq;
    private long nextMm = 0xffff88810a3c0000L;
    private int nextPid = 4100;
    private long emitted;

    public Simulator(SimulationConfig config, EventSink sink) {
        this(config, sink, DEFAULT_START_TS);
    }

    /**
     * @param startTs the timestamp of simulated time zero, so that runs can follow each other on
     *     one timeline
     */
    public Simulator(SimulationConfig config, EventSink sink, long startTs) {
        this.startTs = startTs;
        this.now = startTs;
        this.config = config;
        this.sink = sink;
        this.random = new SplittableRandom(config.seed());
        // Delivery and loss draw from streams of their own, so that turning them on changes
        // what the trace shows but not what the simulated host does.
        this.delivery =
                new DeliveryQueue(sink, config.disorderNs(), new SplittableRandom(~config.seed()));
        this.lossRandom = new SplittableRandom(config.seed() * 31 + 17);
        this.vms = new Vm[config.vms()];
        this.walkers = new Walker[config.walkers()];
    }

    /** Runs the simulated duration, then ends the sink. Returns the events delivered. */
    public long run() {
        for (int i = 0; i < vms.length; i++) {
            vms[i] = new Vm(i);
            startVm(vms[i]);
        }
        for (int i = 0; i < walkers.length; i++) {
            Walker w = new Walker(i);
            walkers[i] = w;
            at(now + exp(1e9 / Math.max(config.walkRate(), 1e-9)), () -> startWalk(w));
        }
        long end = startTs + config.duration().toNanos();
        while (!agenda.isEmpty() && agenda.peek().time <= end) {
            Step step = agenda.poll();
            now = step.time;
            step.action.run();
        }
        delivery.flushAll();
        sink.end();
        return emitted;
    }

    private void startVm(Vm vm) {
        vm.generation++;
        vm.mm = freeMms.isEmpty() ? allocateMm() : freeMms.poll();
        vm.pid = nextPid;
        nextPid += 37;
        vm.present = new boolean[config.barGib()];
        int gen = vm.generation;
        // The VM's first DMA mapping faults in the whole BAR.
        at(now + 1_000, () -> sweep(vm, gen, 0));
        scheduleSweep(vm, gen);
        if (config.vmRestartRate() > 0) {
            at(now + exp(1e9 / config.vmRestartRate()), () -> restart(vm, gen));
        }
    }

    private long allocateMm() {
        long mm = nextMm;
        nextMm += 0x400;
        return mm;
    }

    private void scheduleSweep(Vm vm, int gen) {
        if (config.refaultRate() > 0) {
            at(
                    now + exp(1e9 / config.refaultRate()),
                    () -> {
                        if (vm.generation == gen) {
                            sweep(vm, gen, 0);
                            scheduleSweep(vm, gen);
                        }
                    });
        }
    }

    private void sweep(Vm vm, int gen, int pud) {
        if (vm.generation != gen || pud >= vm.present.length) {
            return;
        }
        if (!vm.present[pud]) {
            vm.present[pud] = true;
            begin(EventType.PUD_INSTALL, vm.pid, vm.pid + 7, "qemu-system-x86", vm.cpu());
            event.mm = vm.mm;
            event.pudp = vm.pudp(pud);
            event.addr = vm.barBase() + pud * GIB;
            event.source = FaultSource.VFIO_PCI.wireName();
            event.pfn = vm.barPfn(pud);
            event.hasPfn = true;
            emit();
        }
        at(now + Math.max(1, exp(config.sweepPudNs())), () -> sweep(vm, gen, pud + 1));
    }

    private void restart(Vm vm, int gen) {
        if (vm.generation != gen) {
            return;
        }
        if (vm.readers > 0) {
            at(now + 1_000_000, () -> restart(vm, gen));
            return;
        }
        begin(EventType.MM_EXIT, vm.pid, vm.pid, "qemu-system-x86", vm.cpu());
        event.mm = vm.mm;
        emit();
        freeMms.add(vm.mm);
        startVm(vm);
    }

    private void startWalk(Walker w) {
        if (w.dead) {
            return;
        }
        Vm vm = vms[random.nextInt(vms.length)];
        vm.readers++;
        w.vm = vm;
        begin(EventType.WALK_START, w.pid, w.tid, w.comm, w.cpu);
        event.mm = vm.mm;
        event.walker = w.kind;
        emit();
        at(now + 500, () -> walkPud(w, 0));
    }

    private void walkPud(Walker w, int pud) {
        Vm vm = w.vm;
        if (pud >= vm.present.length) {
            finishWalk(w);
            return;
        }
        if (!vm.present[pud]) {
            at(now + 150, () -> walkPud(w, pud + 1));
            return;
        }
        vm.present[pud] = false;
        begin(EventType.PUD_SPLIT, w.pid, w.tid, w.comm, w.cpu);
        event.mm = vm.mm;
        event.pudp = vm.pudp(pud);
        event.addr = vm.barBase() + pud * GIB;
        emit();
        at(now + Math.max(1, exp(config.recheckNs())), () -> recheck(w, pud));
    }

    private void recheck(Walker w, int pud) {
        Vm vm = w.vm;
        if (vm.present[pud]) {
            if (config.kernel() == KernelBehaviour.FIXED) {
                at(now + Math.max(1, exp(config.againNs())), () -> walkPud(w, pud));
            } else {
                descend(w, pud);
            }
            return;
        }
        at(now + Math.max(1, exp(config.againNs())), () -> lookAgain(w, pud));
    }

    private void lookAgain(Walker w, int pud) {
        if (w.vm.present[pud]) {
            walkPud(w, pud);
        } else {
            at(now + 150, () -> walkPud(w, pud + 1));
        }
    }

    private void descend(Walker w, int pud) {
        Vm vm = w.vm;
        if (random.nextDouble() < config.crashProbability()) {
            begin(EventType.KERNEL_FAULT, w.pid, w.tid, w.comm, w.cpu);
            event.addr = PAGE_OFFSET + (vm.barPfn(pud) << 12);
            event.ip = FAULT_IP;
            event.hasIp = true;
            emit();
            // The oops kills the reading task, its walk never returns; a supervisor starts the
            // reader again a second later as a new process.
            w.dead = true;
            vm.readers--;
            at(now + 1_000_000_000L, () -> respawn(w));
            return;
        }
        begin(EventType.PMD_ENTRY, w.pid, w.tid, w.comm, w.cpu);
        event.mm = vm.mm;
        event.addr = vm.barBase() + pud * GIB;
        emit();
        at(now + 2_000, () -> walkPud(w, pud + 1));
    }

    private void respawn(Walker w) {
        w.pid += 1000;
        w.tid = w.pid;
        w.dead = false;
        w.vm = null;
        startWalk(w);
    }

    private void finishWalk(Walker w) {
        begin(EventType.WALK_END, w.pid, w.tid, w.comm, w.cpu);
        event.mm = w.vm.mm;
        emit();
        w.vm.readers--;
        w.vm = null;
        if (config.walkRate() > 0) {
            at(now + exp(1e9 / config.walkRate()), () -> startWalk(w));
        }
    }

    private void begin(EventType type, long pid, long tid, String comm, int cpu) {
        event.clear();
        event.type = type;
        event.ts = now;
        event.pid = pid;
        event.tid = tid;
        event.comm = comm;
        event.cpu = cpu;
    }

    private void emit() {
        int cpu = (int) event.cpu;
        if (config.lossRate() > 0 && lossRandom.nextDouble() < config.lossRate()) {
            lostPerCpu[cpu]++;
            return;
        }
        if (lostPerCpu[cpu] > 0) {
            TraceEvent lost = new TraceEvent();
            lost.type = EventType.LOST;
            lost.ts = now;
            lost.cpu = cpu;
            lost.count = lostPerCpu[cpu];
            lostPerCpu[cpu] = 0;
            deliver(lost);
        }
        deliver(event);
    }

    private void deliver(TraceEvent e) {
        emitted++;
        delivery.add(e, now);
    }

    private void at(long time, Runnable action) {
        agenda.add(new Step(time, stepSeq++, action));
    }

    private long exp(double mean) {
        return (long) (-Math.log(1 - random.nextDouble()) * mean);
    }

    private record Step(long time, long seq, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private final class Vm {
        final int index;
        int generation;
        long mm;
        long pid;
        boolean[] present;
        int readers;

        Vm(int index) {
            this.index = index;
        }

        int cpu() {
            return index % CPUS;
        }

        long barBase() {
            // BARs a GiB apart in the upper user half, below the 47-bit limit.
            return 0x7e0000000000L + index * (config.barGib() + 1L) * GIB;
        }

        long pudp(int pud) {
            long table = 0xffff888120000000L + (index * 64L + generation % 64) * 0x1000;
            return table + 8 * ((barBase() / GIB + pud) & 511);
        }

        long barPfn(int pud) {
            return (0x380000000000L + (index * (config.barGib() + 1L) + pud) * GIB) >>> 12;
        }
    }

    private final class Walker {
        long pid;
        long tid;
        final String comm;
        final String kind;
        final int cpu;
        Vm vm;
        boolean dead;

        Walker(int index) {
            pid = 9000 + index * 11L;
            tid = pid;
            comm = READERS[index % READERS.length];
            kind = index % 3 == 2 ? "smaps" : "numa_maps";
            cpu = (CPUS - 1 - index % CPUS);
        }
    }
}
