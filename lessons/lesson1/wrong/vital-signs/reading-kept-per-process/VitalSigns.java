package lesson1;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Staleness we promise: the same bound as the status page's. */
    private static final long MAX_AGE_NANOS = 200_000_000L;

    private record Cached(long readAtNanos, Reading reading) {}

    private static final Map<Long, Cached> LATEST = new ConcurrentHashMap<>();

    private VitalSigns() {}

    /** Reads the vital signs of {@code target}. */
    public static Reading read(Target target) {
        long now = System.nanoTime();
        Cached cached = LATEST.get(target.pid());
        if (cached != null && now - cached.readAtNanos() < MAX_AGE_NANOS) {
            return cached.reading();
        }
        Reading fresh = readNow(target);
        LATEST.put(target.pid(), new Cached(System.nanoTime(), fresh));
        return fresh;
    }

    /** One snapshot of the target, every figure from the same moment, read without stopping it. */
    private static Reading readNow(Target target) {
        Snapshot now = Metrics.read(target);
        long used = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        long committed = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        long limit = (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap");
        long live = (long) now.value("jvm.thread.count");
        long daemons = (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true");
        long blocked = (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked");   // NaN -> 0
        return new Reading(used, committed, limit, live, daemons, blocked);
    }
}
