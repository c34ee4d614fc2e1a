package lesson1;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code vital-signs} (lesson 1): read the vital signs of a running JVM, which may be another
 * process, without stopping its threads.
 *
 * <p>Check it with {@code /check} in the console or {@code ./workbench check vital-signs}.
 */
public final class VitalSigns {

    /**
     * The vital signs of one JVM at one moment.
     *
     * @param heapUsedBytes      bytes in use in the heap now, all heap pools together
     * @param heapCommittedBytes bytes of heap the JVM has committed from the operating system
     * @param heapLimitBytes     the most heap the JVM may ever use, as the JVM applied it (from {@code -Xmx}, rounded
     *                           to the heap's alignment, or sized by the JVM itself when there is none)
     * @param liveThreads        live platform threads, daemon or not
     * @param daemonThreads      the live threads that are daemons
     * @param blockedThreads     the live threads in state {@code BLOCKED}, waiting to enter a monitor
     */
    public record Reading(long heapUsedBytes, long heapCommittedBytes, long heapLimitBytes,
                          long liveThreads, long daemonThreads, long blockedThreads) {}

    private VitalSigns() {}

    /** Reads the vital signs of {@code target}. */
    public static Reading read(Target target) {
        Snapshot now = Metrics.read(target);
        long heapUsed = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        long heapCommitted = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        long heapLimit = (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap");

        // Thread figures straight from the target's ThreadMXBean, counted one by one rather than trusting
        // a filtered sum that turns into NaN when nothing matches. No locked monitors, no locked
        // synchronizers: nothing that walks the heap.
        ThreadMXBean threads = target.threads();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds(), false, false);
        long live = 0;
        long daemons = 0;
        long blocked = 0;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;   // ended between listing and reading
            }
            live++;
            if (info.isDaemon()) {
                daemons++;
            }
            if (info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        return new Reading(heapUsed, heapCommitted, heapLimit, live, daemons, blocked);
    }
}
