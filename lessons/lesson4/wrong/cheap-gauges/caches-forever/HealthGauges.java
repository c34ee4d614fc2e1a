// Wrong answer: reads each value once, when the gauges are registered, and serves that forever. Scrapes are free,
// and a deadlock or blocked threads that come later never show.
package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Objects;
import workbench.diagnostics.vars.Vars;

public final class HealthGauges implements AutoCloseable {

    public HealthGauges(Vars vars) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long blocked = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count();
        long[] ids = threads.findDeadlockedThreads();
        int deadlocked = ids == null ? 0 : ids.length;
        long live = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum();
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> blocked);
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> deadlocked);
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> live);
    }

    @Override
    public void close() {}
}
