package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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

/**
 * Exercise {@code cheap-gauges} (lesson 4): three health gauges of this JVM, published with the library's
 * {@link Vars}. Each is read on every scrape, and each of them stops the world to do it.
 *
 * <p>Fix them: every scrape must cost about no safepoint, even under several concurrent scrapers, while each
 * gauge still reports its value, no older than one second:
 * <ul>
 *   <li>{@code threads_blocked}: threads blocked on a monitor right now (state {@code BLOCKED});</li>
 *   <li>{@code threads_deadlocked}: threads in a deadlock, on monitors or on locks such as {@code ReentrantLock};</li>
 *   <li>{@code heap_live_bytes}: heap in use right after the last garbage collection.</li>
 * </ul>
 * Check it with {@code /check} or {@code ./workbench check cheap-gauges}.
 */
public final class HealthGauges implements AutoCloseable {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-deadlock-scan").factory());
    /** The latest deadlock scan's result, written by the scanner and read by every scrape. */
    private volatile int deadlocked;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        // States only, no stacks: getThreadInfo(ids) without a depth stops no one.
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
        // findDeadlockedThreads has no cheap read: scan on a timer, serve the latest result from memory.
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        // What each heap pool held right after the last collection: no collection needed to read it.
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> heapPools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
        scanner.scheduleWithFixedDelay(this::scan, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            long[] ids = threads.findDeadlockedThreads();
            if (ids != null) {
                // null: the scan found nothing new. A deadlock never resolves by itself, so what was found stays.
                deadlocked = ids.length;
            }
        } catch (RuntimeException e) {
            // never let the timer task die: a task that throws is not run again
        }
    }

    /** Stops whatever the gauges started. */
    @Override
    public void close() {
        scanner.shutdownNow();
    }
}
