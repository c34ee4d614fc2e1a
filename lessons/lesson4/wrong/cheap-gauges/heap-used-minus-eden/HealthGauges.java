package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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

    private static final long SCAN_MILLIS = 300;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final ScheduledExecutorService scanner;
    private volatile int deadlocked;

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
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
            // Every pool but eden: eden is where the garbage made since the last collection waits for the next.
            long live = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                if (!pool.getName().contains("Eden")) {
                    live += pool.getUsage().getUsed();
                }
            }
            return live;
        });
    }

    /** The one stop-the-world call, on the timer: its cost follows the timer, not the scrapes. */
    private void scanForDeadlocks() {
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
