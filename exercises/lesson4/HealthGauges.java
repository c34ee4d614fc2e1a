package lesson4;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import workbench.diagnostics.vars.Vars;

/**
 * Exercise {@code cheap-gauges} (lesson 4): three health gauges of this JVM, published with the library's
 * {@link Vars}. Each is read on every scrape, and each of them stops the world to do it.
 *
 * <p>Fix them: every scrape must cost about no safepoint, even under several concurrent scrapers, while each
 * gauge still reports its value, no older than one second:
 * <ul>
 *   <li>{@code threads_blocked}: threads blocked on a monitor right now (state {@code BLOCKED});</li>
 *   <li>{@code threads_deadlocked}: threads in a deadlock, on monitors or on locks such as {@code ReentrantLock};</li>
 *   <li>{@code heap_live_bytes}: heap in use right after the last garbage collection.</li>
 * </ul>
 * Check it with {@code /check} or {@code ./workbench check cheap-gauges}.
 */
public final class HealthGauges implements AutoCloseable {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** Registers the three gauges on {@code vars}. */
    public HealthGauges(Vars vars) {
        // TODO: each of these functions runs on every scrape (lesson 4, "A scrape runs your gauges"). Make
        //  them cheap and keep them fresh.
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                threads.dumpAllThreads(true, true))
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
        vars.gauge("threads_deadlocked", "Threads in a deadlock.", () -> {
            long[] deadlocked = threads.findDeadlockedThreads();
            return deadlocked == null ? 0 : deadlocked.length;
        });
        vars.gauge("heap_live_bytes", "Heap in use after the last garbage collection.", () -> {
            System.gc();
            return memory.getHeapMemoryUsage().getUsed();
        });
    }

    /** Stops whatever the gauges started. */
    @Override
    public void close() {}
}
