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

    /** The values must be no older than one second: refresh the one stop-the-world read once a second. */
    private static final long DEADLOCK_PERIOD_MILLIS = 1_000;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-gauges-deadlocks").factory());
    /** The latest deadlock count, written by the timer and read by every scrape. */
    private volatile int deadlocked;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        // No stop-the-world read has a cheap replacement for deadlocks: read on a timer, serve from memory.
        timer.scheduleAtFixedRate(this::refreshDeadlocks, 0, DEADLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);

        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blockedThreads);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", this::liveHeapBytes);
    }

    private void refreshDeadlocks() {
        try {
            long[] ids = threads.findDeadlockedThreads();   // monitors and ownable synchronizers alike
            deadlocked = ids == null ? 0 : ids.length;
        } catch (RuntimeException e) {
            // keep the last value; a failure must not cancel the timer
        }
    }

    /** Thread states without stacks: getThreadInfo(ids) takes no safepoint. */
    private double blockedThreads() {
        long count = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                count++;
            }
        }
        return count;
    }

    /** What every heap pool held right after the last collection that covered it, survivors included. */
    private double liveHeapBytes() {
        long live = 0;
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
                continue;
            }
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
        timer.shutdownNow();
    }
}
