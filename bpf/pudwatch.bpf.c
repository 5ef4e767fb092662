// SPDX-License-Identifier: GPL-2.0
/*
 * pudwatch: kernel side. Compiled by libbcc at start-up; loaded program by program, so that
 * the probes a kernel cannot take are left out and the rest still run.
 *
 * Probes (function, what it tells, kernels):
 *   pw_walk_enter / pw_walk_vma  __walk_page_range (static, 4.x+) or walk_page_vma (global,
 *                 5.x+) entry: a thread starts walking one VMA. Walk state per thread; a
 *                 walk_start event for VM_PFNMAP VMAs only, with ops->pmd_entry naming the
 *                 walker (gather_pte_stats = numa_maps, smaps_pte_range = smaps).
 *   pw_walk_exit  return of the same function: walk_end (VM_PFNMAP only), state dropped.
 *   pw_split      __split_huge_pud entry (global since 4.x; PUD pfnmaps split in it since 6.12):
 *                 opens the race window for a walking thread (pud_split); all splits are
 *                 counted per CPU. No return probe on purpose: it would widen the window it
 *                 observes on a vulnerable kernel (6.12 to 6.18.20, 7.0-rc5).
 *   pw_install    vmf_insert_pfn_pud entry (6.12+ for pfnmaps): the refault that can land in
 *                 the window (pud_install), with the source the fault handler probes saw.
 *   pw_vfio_fault vfio_pci_mmap_huge_fault entry (6.12+, vfio_pci_core) and
 *   pw_nvgrace    nvgrace_gpu_vfio_pci_huge_fault entry (6.19+): for a PUD-order fault only
 *                 (order 18 on x86_64), mark the thread, the vm_fault and its address, so
 *                 that the install through that very fault names its source.
 *   pw_pmd_entry  gather_pte_stats / smaps_pte_range entry: the walker descended below the
 *                 PUD (pmd_entry), only for a thread with an open window; the first one
 *                 after a split resolves the window, so it closes there.
 *   pw_kfault     tracepoint exceptions:page_fault_kernel (x86, 4.15+): a fault on a kernel
 *                 address by a thread with an open window, the crash.
 *   pw_mm_exit    tracepoint mmap:exit_mmap (6.1+): an mm ends (mm_exit), for mms seen in
 *                 walks, splits or installs, or all/one process's mms as settings[0] says.
 *   pw_storm      selftest probe, OFF unless settings[2] names a thread and the agent attaches
 *                 it: mmap_lock:mmap_lock_start_locking (5.16+) of that one thread, as
 *                 pmd_entry-shaped records, to measure the ring buffer under load.
 * fentry/fexit twins (kfunc__*, 5.5+) of the function probes run where the kernel allows BPF
 * trampolines; the agent falls back to the kprobe ones otherwise.
 *
 * Struct offsets are not taken from headers: the agent reads them from the running kernel's
 * BTF and passes them as -D macros (PW_VMA_*, PW_VMF_*, PW_WALK_*, PW_OPS_*); tracepoint field
 * offsets come from tracefs format files (PW_TP_*). An offset of -1 means unknown: reads
 * through it yield 0 and the probe that needs it is not attached.
 *
 * Record layout (struct pw_event, 72 bytes, little endian; docs/probes.md has the same):
 *   0 u8 type (io.pudwatch.event.EventType code)  1 u8 flags (bit 0: aux is set)
 *   2 u16 cpu   4 u32 pid (tgid)   8 u32 tid   12 u32 reserved   16 u64 ts (ktime ns)
 *   24 u64 mm   32 u64 pudp   40 u64 addr
 *   48 u64 aux: walk_start = pmd_entry function address, pud_install = source code
 *       (1 vfio_pci, 2 nvgrace_gpu: io.pudwatch.event.FaultSource), kernel_fault = faulting ip
 *   56 char comm[16]
 */
#include <uapi/linux/ptrace.h>

#define PW_WALK_START 1
#define PW_WALK_END 2
#define PW_PUD_SPLIT 3
#define PW_PUD_INSTALL 4
#define PW_PMD_ENTRY 5
#define PW_KERNEL_FAULT 6
#define PW_MM_EXIT 7

#define PW_FLAG_AUX 1
/* The codes of io.pudwatch.event.FaultSource. */
#define PW_SOURCE_VFIO_PCI 1
#define PW_SOURCE_NVGRACE_GPU 2

/* The fault order of a PUD-sized mapping on x86_64 (1 GiB = 2^18 pages of 4 KiB); the huge
 * fault handlers are called with it since 6.12 (f9e54c3a2f5b). */
#define PW_PUD_ORDER 18

/* x86_64 puts the kernel half of the address space (direct map included) at and above this
 * with 4-level and 5-level paging alike; user addresses are all below it. */
#define PW_KERNEL_ADDRESS_START 0xffff800000000000UL

/* VM_PFNMAP has been bit 10 of vm_flags since 2.6. */
#define PW_VM_PFNMAP 0x400UL

#ifndef PW_RINGBUF_PAGES
/* 256 pages = 1 MiB, some 13,000 records: PUD events come at most a few per GiB walked, so
 * this holds a numa_maps read over several TiB of BARs while the consumer sleeps. */
#define PW_RINGBUF_PAGES 256
#endif
#ifndef PW_VMA_VM_MM
#define PW_VMA_VM_MM -1
#endif
#ifndef PW_VMA_VM_FLAGS
#define PW_VMA_VM_FLAGS -1
#endif
#ifndef PW_VMF_VMA
#define PW_VMF_VMA -1
#endif
#ifndef PW_VMF_PUD
#define PW_VMF_PUD -1
#endif
#ifndef PW_VMF_ADDRESS
#define PW_VMF_ADDRESS -1
#endif
#ifndef PW_WALK_OPS
#define PW_WALK_OPS -1
#endif
#ifndef PW_WALK_MM
#define PW_WALK_MM -1
#endif
#ifndef PW_WALK_VMA
#define PW_WALK_VMA -1
#endif
#ifndef PW_OPS_PMD_ENTRY
#define PW_OPS_PMD_ENTRY -1
#endif
#ifndef PW_TP_EXIT_MMAP_MM
#define PW_TP_EXIT_MMAP_MM 8
#endif
#ifndef PW_TP_FAULT_ADDRESS
#define PW_TP_FAULT_ADDRESS 8
#endif
#ifndef PW_TP_FAULT_IP
#define PW_TP_FAULT_IP 16
#endif
#ifndef PW_TP_LOCK_MM
#define PW_TP_LOCK_MM 8
#endif

struct pw_event {
	u8 type;
	u8 flags;
	u16 cpu;
	u32 pid;
	u32 tid;
	u32 reserved;
	u64 ts;
	u64 mm;
	u64 pudp;
	u64 addr;
	u64 aux;
	char comm[16];
};

struct walk_state {
	u64 mm;
	u8 pfnmap;
	u8 window_open;
	u8 pad[6];
};

struct fault_mark {
	u64 vmf;
	u64 address;
	u64 source;
};

BPF_RINGBUF_OUTPUT(events, PW_RINGBUF_PAGES);
/*
 * The three state maps are LRU hashes (4.10+), not plain hashes: entries leak (a return probe
 * the kernel missed because maxactive instances were busy, a walker killed by the very oops
 * pudwatch watches for, a fault that never reached an install, an mm whose exit was not seen),
 * and a full plain hash refuses every update, which would stop detection without a sign. An
 * LRU hash evicts the oldest entry instead; a live walk or fault is never the oldest.
 */
/* One entry per thread inside a page walk; 4096 concurrent walkers is beyond any host, so an
 * eviction only ever drops a leaked entry. */
BPF_TABLE("lru_hash", u64, struct walk_state, walks, 4096);
/* One entry per thread inside a PUD-order VFIO huge fault, dropped by the install it leads
 * to; a fault lasts microseconds, so 4096 threads faulting at once is beyond any host. */
BPF_TABLE("lru_hash", u64, struct fault_mark, fault_marks, 4096);
/* mms seen in PFNMAP walks, splits or installs: a host runs hundreds of VMs, not 16384. */
BPF_TABLE("lru_hash", u64, u8, tracked_mms, 16384);
/* [0] mm_exit mode: 0 tracked mms, 1 all mms, 2 the mms of tgid [1]; [2] storm tid (0 off). */
BPF_ARRAY(settings, u64, 4);
/* Records the ring buffer had no room for, per CPU; user space turns them into lost events. */
BPF_PERCPU_ARRAY(lost_events, u64, 1);
/* Every __split_huge_pud call, inside a walk or not (thp_split_pud in /proc/vmstat agrees). */
BPF_PERCPU_ARRAY(pud_splits_total, u64, 1);
/* Updates of the state maps that failed (an LRU hash can still refuse one under memory
 * pressure, -ENOMEM): state the probes did not keep, so detection may have missed something. */
BPF_PERCPU_ARRAY(map_update_failures, u64, 1);

static __always_inline u64 read_u64(u64 base, long offset)
{
	u64 value = 0;

	if (base == 0 || offset < 0)
		return 0;
	bpf_probe_read_kernel(&value, sizeof(value), (void *)(base + offset));
	return value;
}

static __always_inline u64 setting(u32 index)
{
	u64 *value = settings.lookup(&index);

	return value ? *value : 0;
}

static __always_inline void count(u64 *counter)
{
	if (counter)
		*counter += 1;
}

static __always_inline void count_update(int result)
{
	u32 zero = 0;

	if (result != 0)
		count(map_update_failures.lookup(&zero));
}

static __always_inline void track_mm(u64 mm)
{
	u8 one = 1;

	if (mm)
		count_update(tracked_mms.update(&mm, &one));
}

/* pid_tgid is the caller's: each probe has already asked for it, for its state lookup. */
static __always_inline void emit(u64 pid_tgid, u8 type, u64 mm, u64 pudp, u64 addr, u64 aux,
				 u8 flags)
{
	struct pw_event *e = events.ringbuf_reserve(sizeof(struct pw_event));

	if (!e) {
		u32 zero = 0;

		count(lost_events.lookup(&zero));
		return;
	}
	e->type = type;
	e->flags = flags;
	e->cpu = bpf_get_smp_processor_id();
	e->pid = pid_tgid >> 32;
	e->tid = (u32)pid_tgid;
	e->reserved = 0;
	e->ts = bpf_ktime_get_ns();
	e->mm = mm;
	e->pudp = pudp;
	e->addr = addr;
	e->aux = aux;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	events.ringbuf_submit(e, 0);
}

static __always_inline int walk_begin(u64 mm, u64 vma, u64 ops)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	struct walk_state state = {};

	state.mm = mm;
	state.pfnmap = (read_u64(vma, PW_VMA_VM_FLAGS) & PW_VM_PFNMAP) != 0;
	count_update(walks.update(&pid_tgid, &state));
	/* Only the walk_start names the walker: most VMAs walked are not PFNMAP, and their walks
	 * need no read of ops->pmd_entry. */
	if (state.pfnmap) {
		track_mm(mm);
		emit(pid_tgid, PW_WALK_START, mm, 0, 0, read_u64(ops, PW_OPS_PMD_ENTRY),
		     PW_FLAG_AUX);
	}
	return 0;
}

static __always_inline int walk_finish(void)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	struct walk_state *state = walks.lookup(&pid_tgid);

	if (!state)
		return 0;
	if (state->pfnmap)
		emit(pid_tgid, PW_WALK_END, state->mm, 0, 0, 0, 0);
	/* The window closes with the walk: a fault after it is no crash of the walk. */
	walks.delete(&pid_tgid);
	return 0;
}

static __always_inline int on_walk_range(u64 walk)
{
	return walk_begin(read_u64(walk, PW_WALK_MM), read_u64(walk, PW_WALK_VMA),
			  read_u64(walk, PW_WALK_OPS));
}

static __always_inline int on_split(u64 vma, u64 pud, u64 address)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	u32 zero = 0;
	struct walk_state *state;
	u64 mm;

	count(pud_splits_total.lookup(&zero));
	state = walks.lookup(&pid_tgid);
	if (!state)
		return 0;
	state->window_open = 1;
	mm = read_u64(vma, PW_VMA_VM_MM);
	track_mm(mm);
	emit(pid_tgid, PW_PUD_SPLIT, mm, pud, address, 0, 0);
	return 0;
}

static __always_inline int on_install(u64 vmf)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	u64 mm = read_u64(read_u64(vmf, PW_VMF_VMA), PW_VMA_VM_MM);
	u64 address = read_u64(vmf, PW_VMF_ADDRESS);
	struct fault_mark *mark = fault_marks.lookup(&pid_tgid);
	u64 source = 0;

	/*
	 * The vm_fault lives on the faulting thread's stack, so its address alone could match a
	 * later, unrelated fault of the same thread; the faulting address must match too. Any
	 * install of the thread drops the mark, so it names at most one install.
	 */
	if (mark && mark->vmf == vmf && mark->address == address)
		source = mark->source;
	if (mark)
		fault_marks.delete(&pid_tgid);
	track_mm(mm);
	emit(pid_tgid, PW_PUD_INSTALL, mm, read_u64(vmf, PW_VMF_PUD), address, source,
	     source ? PW_FLAG_AUX : 0);
	return 0;
}

static __always_inline int mark_fault(u64 vmf, u64 order, u64 source)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	struct fault_mark mark = {};

	/* PMD- and PTE-order faults never install a PUD: a mark for them would only linger. */
	if ((u32)order != PW_PUD_ORDER)
		return 0;
	mark.vmf = vmf;
	mark.address = read_u64(vmf, PW_VMF_ADDRESS);
	mark.source = source;
	count_update(fault_marks.update(&pid_tgid, &mark));
	return 0;
}

static __always_inline int on_pmd_entry(u64 addr)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	struct walk_state *state = walks.lookup(&pid_tgid);

	if (!state || !state->window_open)
		return 0;
	emit(pid_tgid, PW_PMD_ENTRY, state->mm, 0, addr, 0, 0);
	/* The first pmd_entry after a split tells whether the walker descended into the split
	 * PUD; later ones are the walk going on, and the window is resolved. */
	state->window_open = 0;
	return 0;
}

/* kprobe programs: arguments from registers (x86_64 calling convention). */

int pw_walk_enter(struct pt_regs *ctx)
{
	return on_walk_range(PT_REGS_PARM3(ctx));
}

int pw_walk_vma(struct pt_regs *ctx)
{
	u64 vma = PT_REGS_PARM1(ctx);

	return walk_begin(read_u64(vma, PW_VMA_VM_MM), vma, PT_REGS_PARM2(ctx));
}

int pw_walk_exit(struct pt_regs *ctx)
{
	return walk_finish();
}

int pw_split(struct pt_regs *ctx)
{
	return on_split(PT_REGS_PARM1(ctx), PT_REGS_PARM2(ctx), PT_REGS_PARM3(ctx));
}

int pw_install(struct pt_regs *ctx)
{
	return on_install(PT_REGS_PARM1(ctx));
}

int pw_vfio_fault(struct pt_regs *ctx)
{
	return mark_fault(PT_REGS_PARM1(ctx), PT_REGS_PARM2(ctx), PW_SOURCE_VFIO_PCI);
}

int pw_nvgrace(struct pt_regs *ctx)
{
	return mark_fault(PT_REGS_PARM1(ctx), PT_REGS_PARM2(ctx), PW_SOURCE_NVGRACE_GPU);
}

int pw_pmd_entry(struct pt_regs *ctx)
{
	return on_pmd_entry(PT_REGS_PARM2(ctx));
}

/* Tracepoint programs: records read at the offsets of the tracefs format files. */

/*
 * The oops of the race is the walker reading the BAR's PFN as a PMD table through the direct
 * map: a fault on a kernel address. Kernel-mode faults on user addresses (copy_to_user of the
 * numa_maps text into a buffer not yet faulted in) are routine and no crash.
 */
int pw_kfault(void *ctx)
{
	u64 pid_tgid = bpf_get_current_pid_tgid();
	struct walk_state *state = walks.lookup(&pid_tgid);
	u64 address;

	if (!state || !state->window_open)
		return 0;
	address = read_u64((u64)ctx, PW_TP_FAULT_ADDRESS);
	if (address < PW_KERNEL_ADDRESS_START)
		return 0;
	emit(pid_tgid, PW_KERNEL_FAULT, state->mm, 0, address,
	     read_u64((u64)ctx, PW_TP_FAULT_IP), PW_FLAG_AUX);
	return 0;
}

int pw_mm_exit(void *ctx)
{
	u64 mm = read_u64((u64)ctx, PW_TP_EXIT_MMAP_MM);
	u64 mode = setting(0);
	u8 *tracked = tracked_mms.lookup(&mm);

	if (tracked || mode == 1 ||
	    (mode == 2 && (bpf_get_current_pid_tgid() >> 32) == setting(1)))
		emit(bpf_get_current_pid_tgid(), PW_MM_EXIT, mm, 0, 0, 0, 0);
	if (tracked)
		tracked_mms.delete(&mm);
	return 0;
}

int pw_storm(void *ctx)
{
	u64 tid = setting(2);
	u64 pid_tgid = bpf_get_current_pid_tgid();

	if (tid == 0 || (u32)pid_tgid != tid)
		return 0;
	emit(pid_tgid, PW_PMD_ENTRY, read_u64((u64)ctx, PW_TP_LOCK_MM), 0, 0, 0, 0);
	return 0;
}

/* fentry/fexit twins: arguments from the trampoline's context array. */

KFUNC_PROBE(__walk_page_range, unsigned long start, unsigned long end, void *walk)
{
	return on_walk_range((u64)walk);
}

KRETFUNC_PROBE(__walk_page_range, unsigned long start, unsigned long end, void *walk, int ret)
{
	return walk_finish();
}

KFUNC_PROBE(walk_page_vma, void *vma, void *ops, void *private)
{
	return walk_begin(read_u64((u64)vma, PW_VMA_VM_MM), (u64)vma, (u64)ops);
}

KRETFUNC_PROBE(walk_page_vma, void *vma, void *ops, void *private, int ret)
{
	return walk_finish();
}

KFUNC_PROBE(__split_huge_pud, void *vma, void *pud, unsigned long address)
{
	return on_split((u64)vma, (u64)pud, address);
}

KFUNC_PROBE(vmf_insert_pfn_pud, void *vmf)
{
	return on_install((u64)vmf);
}

KFUNC_PROBE(gather_pte_stats, void *pmd, unsigned long addr)
{
	return on_pmd_entry(addr);
}

KFUNC_PROBE(smaps_pte_range, void *pmd, unsigned long addr)
{
	return on_pmd_entry(addr);
}
