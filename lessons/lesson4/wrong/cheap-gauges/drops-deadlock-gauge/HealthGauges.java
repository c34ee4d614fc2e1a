// Wrong answer: makes two gauges cheap and removes threads_deadlocked, since no cheap read finds deadlocks. The
// safepoints are gone, and so is the signal.
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

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public HealthGauges(Vars vars) {
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> ManagementFactory
                .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull)
                .mapToLong(MemoryUsage::getUsed).sum());
    }

    @Override
    public void close() {}
}
