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
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("deadlock-check").factory());
    private volatile int deadlocked;

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        timer.scheduleAtFixedRate(this::checkDeadlocks, 0, 500, TimeUnit.MILLISECONDS);
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blocked);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", this::liveHeap);
    }

    /** States only, no stacks: getThreadInfo without a depth stops no one. */
    private double blocked() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadState() == Thread.State.BLOCKED).count();
    }

    /**
     * The collector itself says what the heap held after its last run (GcInfo.getMemoryUsageAfterGc): no collection
     * needed, and exactly "heap in use right after the last garbage collection".
     */
    private double liveHeap() {
        com.sun.management.GarbageCollectorMXBean collector = (com.sun.management.GarbageCollectorMXBean)
                ManagementFactory.getGarbageCollectorMXBeans().getFirst();
        com.sun.management.GcInfo last = collector.getLastGcInfo();
        if (last == null) {
            return memory.getHeapMemoryUsage().getUsed();   // no collection yet: all of it is live so far
        }
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = last.getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        return live;
    }

    private void checkDeadlocks() {
        long[] ids = threads.findDeadlockedThreads();
        deadlocked = ids == null ? 0 : ids.length;
    }

    /** Stops whatever the gauges started. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
