package lesson4;

// Misconception: one deadlock scanner is enough for the whole JVM, so it is static, started once and shared by every
// instance; close() has nothing of its own to stop, and the scanner asks for a safepoint every period for as long as
// the JVM runs.

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ScheduledExecutorService SCANNER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deadlock-scanner");
        t.setDaemon(true);
        return t;
    });
    private static volatile int deadlocked;

    static {
        SCANNER.scheduleAtFixedRate(() -> {
            long[] ids = THREADS.findDeadlockedThreads();
            deadlocked = ids == null ? 0 : ids.length;
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                THREADS.getThreadInfo(THREADS.getAllThreadIds())).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> heapPools.stream()
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
    }

    @Override
    public void close() {}
}
