package lesson1;

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

    private static final String STATE = "jvm.thread.state";
    private static final String DAEMON = "jvm.thread.daemon";

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
        Snapshot now = Metrics.read(target);   // every figure from this one snapshot

        long heapUsed = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        long heapCommitted = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        long heapLimit = (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap");
        long live = (long) now.value("jvm.thread.count");
        long daemons = (long) now.value("jvm.thread.count", DAEMON, "true");

        // Blocked threads, daemon or not: one row per (state, daemon) pair, so take both rows and add them.
        double blockedUser = now.value("jvm.thread.count", STATE, "blocked", DAEMON, "false");
        double blockedDaemon = now.value("jvm.thread.count", STATE, "blocked", DAEMON, "true");
        long blocked = (long) (blockedUser + blockedDaemon);   // (long) NaN is 0: no blocked thread

        return new Reading(heapUsed, heapCommitted, heapLimit, live, daemons, blocked);
    }
}
