/*
 * Misconception: a thread "blocked on a monitor" is any thread stuck on one, so BLOCKED and WAITING (in
 *   Object.wait() or parked on a lock) both count.
 * Why a learner would believe it: in everyday speech a thread waiting for a lock or a notify is blocked,
 *   and thread dumps show both with "waiting on"/"waiting to lock" lines.
 * What is actually right: only Thread.State.BLOCKED means waiting to enter a monitor; WAITING threads are
 *   idle pool workers, queues and parked threads, present in every healthy JVM.
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

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-gauges-deadlocks").factory());
    private volatile int deadlocked;

    public HealthGauges(Vars vars) {
        // States only, no stacks: getThreadInfo(ids) takes no safepoint.
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> {
            long count = 0;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                Thread.State state = info.getThreadState();
                if (state == Thread.State.BLOCKED || state == Thread.State.WAITING) {
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

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
