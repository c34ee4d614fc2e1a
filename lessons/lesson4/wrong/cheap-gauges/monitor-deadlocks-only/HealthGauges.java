/*
 * Misconception: a deadlock is two threads each holding a monitor the other wants, so
 *   findMonitorDeadlockedThreads() on a timer is the deadlock gauge (and the lighter of the two finders).
 * Why a learner would believe it: the gauge's help says "threads in a deadlock" next to "blocked on a
 *   monitor", the classic deadlock demo is two synchronized blocks, and that demo is detected within 500 ms.
 * What is actually right: findDeadlockedThreads() also sees cycles through ownable synchronizers
 *   (ReentrantLock, ReentrantReadWriteLock); the monitor-only finder reports 0 for a deadlock on locks.
 */
package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    private static final long DEADLOCK_PERIOD_MILLIS = 500;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-gauges-deadlocks").factory());
    private volatile int deadlocked;

    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", this::blocked);
        // Stop-the-world, so off the scrape path: a timer refreshes it and the gauge reads the field.
        timer.scheduleWithFixedDelay(this::findDeadlocks, 0, DEADLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", HealthGauges::liveHeap);
    }

    private long blocked() {
        long count = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                count++;
            }
        }
        return count;
    }

    private void findDeadlocks() {
        try {
            long[] ids = threads.findMonitorDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;
        } catch (RuntimeException e) {
            // keep the last value; the timer must keep running
        }
    }

    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                if (afterGc != null) {
                    live += afterGc.getUsed();
                }
            }
        }
        return live;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
