package lesson1;

import java.util.Map;
import workbench.diagnostics.metrics.Attributes;
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

    private static final String TYPE = "jvm.memory.type";

    private VitalSigns() {}

    /** Reads the vital signs of {@code target}. */
    public static Reading read(Target target) {
        // One snapshot: every figure from the same moment, read without stopping the target.
        Snapshot now = Metrics.read(target);

        long used = (long) now.value("jvm.memory.used", TYPE, "heap");
        long committed = (long) now.value("jvm.memory.committed", TYPE, "heap");

        // The limit, pool by pool over the heap pools. Some heap pools publish no limit of their own
        // (no jvm.memory.limit row): such a pool can only grow as far as it has committed, so count that.
        Map<Attributes, Double> limits = now.values("jvm.memory.limit");
        double limit = 0;
        for (Map.Entry<Attributes, Double> pool : now.values("jvm.memory.committed").entrySet()) {
            if (!"heap".equals(pool.getKey().get(TYPE))) {
                continue;
            }
            Double poolLimit = limits.get(pool.getKey());
            limit += poolLimit != null ? poolLimit : pool.getValue();
        }

        long live = (long) now.value("jvm.thread.count");
        long daemons = (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true");
        long blocked = (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked");   // NaN -> 0
        return new Reading(used, committed, (long) limit, live, daemons, blocked);
    }
}
