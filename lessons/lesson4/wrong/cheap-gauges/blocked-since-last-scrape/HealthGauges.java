package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

/**
 * Exercise {@code cheap-gauges} (lesson 4): three health gauges that no longer stop the world on a scrape. Blocked
 * threads come from thread states without stacks, live heap from what each heap pool kept after its last
 * collection; deadlocks, which no read finds without a safepoint, are looked for on a timer instead, so the
 * safepoints follow the timer's period and not the scrape rate.
 */
public final class HealthGauges implements AutoCloseable {

    /** Deadlock counts are at most this old (plus one scan), inside the second the gauges promise. */
    private static final long DEADLOCK_PERIOD_MILLIS = 800;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final ScheduledExecutorService deadlockScan = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("deadlock-scan").factory());
    private volatile int deadlocked;
    private Map<Long, Long> blockedCounts = new HashMap<>();

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blockedSinceLastScrape);
        deadlockScan.scheduleAtFixedRate(this::scanForDeadlocks, 0, DEADLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> heapPools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
    }

    /**
     * Threads blocked now, or blocked at some moment since the last scrape: a short spell of contention between
     * two scrapes would otherwise never show. Each thread's blocked count only rises, so a rise means it blocked.
     */
    private synchronized long blockedSinceLastScrape() {
        Map<Long, Long> counts = new HashMap<>();
        long blocked = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            counts.put(info.getThreadId(), info.getBlockedCount());
            if (info.getThreadState() == Thread.State.BLOCKED
                    || info.getBlockedCount() > blockedCounts.getOrDefault(info.getThreadId(), 0L)) {
                blocked++;
            }
        }
        blockedCounts = counts;
        return blocked;
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
