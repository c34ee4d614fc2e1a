package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

/** Cheap gauges; the live heap is taken to be what the old generation kept, young objects being short-lived. */
public final class HealthGauges implements AutoCloseable {

    private static final long DEADLOCK_PERIOD_MILLIS = 800;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
            .toList();
    private final ScheduledExecutorService deadlockScan = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("deadlock-scan").factory());
    private volatile int deadlocked;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
        deadlockScan.scheduleAtFixedRate(this::scanForDeadlocks, 0, DEADLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> heapPools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
    }

    private void scanForDeadlocks() {
        long[] ids = threads.findDeadlockedThreads();
        deadlocked = ids == null ? 0 : ids.length;
    }

    @Override
    public void close() {
        deadlockScan.shutdownNow();
    }
}
