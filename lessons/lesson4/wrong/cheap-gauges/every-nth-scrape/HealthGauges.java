/*
 * Misconception: the deadlock finder can stay in the gauge if it runs on only one scrape in ten and the
 *   other nine serve the cached result, which cuts its cost by ten and keeps the value fresh.
 * Why a learner would believe it: "serve from memory" is there, no extra thread is needed, and at the
 *   console's pace of a scrape now and then a deadlock still shows within a few scrapes.
 * What is actually right: a cache refreshed by scrapes still pays at the scrape rate (0.1 safepoint per
 *   scrape, more with more scrapers) and goes stale when nobody scrapes; refresh it on a timer of its own.
 */
package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    /** Run the stop-the-world finder on one read in this many; serve the last result otherwise. */
    private static final int REFRESH_EVERY = 10;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong reads = new AtomicLong();
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
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> {
            if (reads.getAndIncrement() % REFRESH_EVERY == 0) {
                long[] ids = threads.findDeadlockedThreads();
                deadlocked = ids == null ? 0 : ids.length;
            }
            return deadlocked;
        });
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    MemoryUsage afterGc = pool.getCollectionUsage();
                    live += afterGc.getUsed();
                }
            }
            return live;
        });
    }

    @Override
    public void close() {}
}
