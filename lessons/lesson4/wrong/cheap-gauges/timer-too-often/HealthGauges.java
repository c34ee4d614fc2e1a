/*
 * Misconception: once findDeadlockedThreads() runs on a timer instead of in the scrape, it costs nothing
 *   per scrape, so the timer may run every 10 ms to keep the value as fresh as possible.
 * Why a learner would believe it: the lesson's cure is "read on a timer, serve from memory", the call takes
 *   microseconds, and a shorter period means a deadlock shows up sooner.
 * What is actually right: every run is still a safepoint; the timer's period sets the cost (here 100
 *   safepoints a second, more than the scrapes ever caused), so pick a few hundred milliseconds, enough to
 *   stay within the one-second freshness the gauge needs.
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

    /** Fresh to within a hundredth of a second; the scrape only reads a field. */
    private static final long DEADLOCK_PERIOD_MILLIS = 10;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-gauges-deadlocks").factory());
    private volatile int deadlocked;

    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> {
            long count = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                    count++;
                }
            }
            return count;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                long[] ids = threads.findDeadlockedThreads();
                deadlocked = ids == null ? 0 : ids.length;
            } catch (RuntimeException e) {
                // keep the last value
            }
        }, 0, DEADLOCK_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
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
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
