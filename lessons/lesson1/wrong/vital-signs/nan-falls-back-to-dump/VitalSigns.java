package lesson1;

import java.lang.management.ThreadInfo;
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
        Snapshot now = Metrics.read(target);   // one moment for every figure
        long heapUsed = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        long heapCommitted = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        double limit = now.value("jvm.memory.limit", "jvm.memory.type", "heap");
        long heapLimit = Double.isNaN(limit) ? target.memory().getHeapMemoryUsage().getMax() : (long) limit;
        long live = (long) now.value("jvm.thread.count");
        long daemons = (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true");
        double blockedRows = now.value("jvm.thread.count", "jvm.thread.state", "blocked");
        long blocked = Double.isNaN(blockedRows) ? blockedFromTheThreads(target) : (long) blockedRows;
        return new Reading(heapUsed, heapCommitted, heapLimit, live, daemons, blocked);
    }

    /**
     * NaN means the snapshot has no value to give, not that the value is zero: ask the JVM for its threads directly.
     * One dumpAllThreads call, without locked monitors or synchronizers, is a single round trip and sees every thread
     * at the same moment (getAllThreadIds then getThreadInfo would be two, with threads ending in between). It only
     * runs on this rare path.
     */
    private static long blockedFromTheThreads(Target target) {
        long blocked = 0;
        for (ThreadInfo info : target.threads().dumpAllThreads(false, false)) {
            if (info != null && info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        return blocked;
    }
}
