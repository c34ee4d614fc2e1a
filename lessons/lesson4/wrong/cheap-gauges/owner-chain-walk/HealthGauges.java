package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> {
            long blocked = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                    blocked++;
                }
            }
            return blocked;
        });
        // findDeadlockedThreads stops the world, but the answer is already in the cheap read: every waiting
        // thread tells who owns the monitor or lock it waits for (getLockOwnerId, no stack needed). Follow
        // the owners; a chain that comes back to a thread already on it is a deadlock.
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", this::deadlockedNow);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
                if (afterGc != null) {
                    live += afterGc.getUsed();
                }
            }
            return live;
        });
    }

    /** Threads whose chain of lock owners runs into a cycle. */
    private int deadlockedNow() {
        Map<Long, Long> waitsFor = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getLockOwnerId() >= 0
                    && (info.getThreadState() == Thread.State.BLOCKED || info.getThreadState() == Thread.State.WAITING)) {
                waitsFor.put(info.getThreadId(), info.getLockOwnerId());
            }
        }
        int deadlocked = 0;
        for (Long start : waitsFor.keySet()) {
            Set<Long> seen = new HashSet<>();
            Long current = start;
            while (current != null && seen.add(current)) {
                current = waitsFor.get(current);
            }
            if (current != null) {
                deadlocked++;
            }
        }
        return deadlocked;
    }

    /** Stops whatever the gauges started: nothing, every gauge reads on the scrape. */
    @Override
    public void close() {}
}
