package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

    /** How often the deadlock scan runs: a value never older than this plus one read, well within the second. */
    private static final long DEADLOCK_SCAN_MILLIS = 500;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .collect(Collectors.toList());
    /** One daemon thread for the only value that has no cheap read. */
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "health-gauges-deadlock-scan");
        thread.setDaemon(true);
        return thread;
    });
    /** Threads found deadlocked by the latest scan. */
    private volatile int deadlocked;
    /** The periodic scan, cancelled by {@link #close()}. */
    private final ScheduledFuture<?> scan;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blockedNow);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", this::liveHeap);
        scan = scanner.scheduleWithFixedDelay(this::scanForDeadlocks, 0, DEADLOCK_SCAN_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Threads BLOCKED right now: states from getThreadInfo without a depth, which stops no one. */
    private double blockedNow() {
        long blocked = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED) {   // null: the thread has ended
                blocked++;
            }
        }
        return blocked;
    }

    /** On the timer thread: findDeadlockedThreads stops the world, so it runs at the timer's pace, not the scrapes'. */
    private void scanForDeadlocks() {
        try {
            long[] ids = threads.findDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;   // null: no deadlock, a count of zero
        } catch (RuntimeException e) {
            // A task that throws is never run again: keep the last value and try at the next tick.
        }
    }

    /** What every heap pool held right after the last collection that visited it. */
    private double liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }

    /** Stops whatever the gauges started. */
    @Override
    public void close() {
        scan.cancel(false);   // the timer stops: no further findDeadlockedThreads, no further safepoints
    }
}
