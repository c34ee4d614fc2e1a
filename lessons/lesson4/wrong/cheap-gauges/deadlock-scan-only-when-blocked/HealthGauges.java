package lesson4;

// Misconception: a deadlock needs blocked threads, so the scrape looks for one only while some thread is blocked or
// parked on a lock; in a quiet JVM that costs nothing, in a service with everyday contention it is a safepoint per
// scrape.

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> states()
                .filter(Thread.State.BLOCKED::equals).count());
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> {
            boolean anyStuck = states().anyMatch(s -> s == Thread.State.BLOCKED || s == Thread.State.WAITING);
            if (!anyStuck) {
                return 0;
            }
            long[] ids = threads.findDeadlockedThreads();
            return ids == null ? 0 : ids.length;
        });
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> heapPools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
    }

    private java.util.stream.Stream<Thread.State> states() {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState);
    }

    @Override
    public void close() {}
}
