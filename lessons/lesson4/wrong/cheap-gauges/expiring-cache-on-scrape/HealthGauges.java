package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
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
    private static final long MAX_AGE_NANOS = 500_000_000L;

    private volatile int deadlocked;
    private volatile long checkedAt = System.nanoTime() - MAX_AGE_NANOS;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blocked);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", this::deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", this::liveHeap);
    }

    /**
     * findDeadlockedThreads stops the world, so it runs at most every 500 ms: a scrape within that time reads the
     * last result. Better than a timer: when nobody scrapes, it costs nothing at all, and no thread to stop.
     */
    private double deadlocked() {
        if (System.nanoTime() - checkedAt >= MAX_AGE_NANOS) {
            long[] ids = threads.findDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;
            checkedAt = System.nanoTime();
        }
        return deadlocked;
    }

    /** States only, no stacks: getThreadInfo without a depth stops no one. */
    private double blocked() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadState() == Thread.State.BLOCKED).count();
    }

    /** What each heap pool held right after the last collection: no collection needed to read it. */
    private double liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }

    /** Stops whatever the gauges started: nothing, they start no thread. */
    @Override
    public void close() {}
}
