package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

/**
 * Exercise {@code cheap-gauges} (lesson 4): three health gauges of this JVM, published with the library's
 * {@link Vars}, each cheap enough to be read on every scrape.
 */
public final class HealthGauges implements AutoCloseable {

    private static final long SCAN_MILLIS = 250;
    /** No scrape for this long: nobody is looking, so the scans (and their safepoints) can rest. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final ScheduledExecutorService scanner;
    private volatile int deadlocked;
    private volatile long lastScrapeNanos = System.nanoTime();

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        scanner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("health-gauges-deadlocks").factory());
        scanner.scheduleWithFixedDelay(this::scanForDeadlocks, 0, SCAN_MILLIS, TimeUnit.MILLISECONDS);

        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> {
            long blocked = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                    blocked++;
                }
            }
            return blocked;
        });
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> {
            lastScrapeNanos = System.nanoTime();
            return deadlocked;
        });
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
            long live = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    live += afterGc.getUsed();
                }
            }
            return live;
        });
    }

    /** The one stop-the-world call, on the timer, and only while someone scrapes. */
    private void scanForDeadlocks() {
        if (System.nanoTime() - lastScrapeNanos > IDLE_NANOS) {
            return;
        }
        try {
            long[] ids = threads.findDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;
        } catch (RuntimeException e) {
            // keep the last value; the next run tries again
        }
    }

    /** Stops whatever the gauges started. */
    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
