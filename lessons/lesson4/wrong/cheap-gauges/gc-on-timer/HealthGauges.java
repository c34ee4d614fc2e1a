/*
 * Misconception: every stop-the-world gauge is cured the same way, by moving it to a timer, so the live heap
 *   is still measured with System.gc() then heap used, twice a second on a background thread.
 * Why a learner would believe it: the lesson's second cure, "read on a timer, serve from memory", removes the
 *   collection from every scrape, and after a full collection heap used is exactly the live set.
 * What is actually right: live heap needs no collection at all; each heap pool's getCollectionUsage() is what
 *   it held after the last one; a timed System.gc() is a full, stop-the-world collection twice a second
 *   whether anyone scrapes or not.
 */
package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    private static final long PERIOD_MILLIS = 500;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-gauges").factory());
    private volatile int deadlocked;
    private volatile long liveHeap;

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
        // The two expensive reads run here, off the scrape path; the gauges read the fields.
        timer.scheduleWithFixedDelay(this::refresh, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> liveHeap);
    }

    private void refresh() {
        try {
            long[] ids = threads.findDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;
            System.gc();
            liveHeap = memory.getHeapMemoryUsage().getUsed();
        } catch (RuntimeException e) {
            // keep the last values; the timer must keep running
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
