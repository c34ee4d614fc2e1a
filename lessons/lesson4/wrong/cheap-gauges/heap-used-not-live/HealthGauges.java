/*
 * Misconception: the cost of the heap gauge was only its System.gc(); without it, heap used is the same
 *   number, read for free.
 * Why a learner would believe it: getHeapMemoryUsage() stops no one, and right after a collection (which is
 *   when the learner looks) heap used and the live set are close.
 * What is actually right: heap used is the sawtooth of live data plus garbage not yet collected; the live
 *   set is what each heap pool held right after the last collection, getCollectionUsage() summed.
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
        timer.scheduleWithFixedDelay(() -> {
            try {
                long[] ids = threads.findDeadlockedThreads();
                deadlocked = ids == null ? 0 : ids.length;
            } catch (RuntimeException e) {
                // keep the last value
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        // No System.gc(): the heap usage the JVM already tracks is enough.
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.",
                () -> memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
