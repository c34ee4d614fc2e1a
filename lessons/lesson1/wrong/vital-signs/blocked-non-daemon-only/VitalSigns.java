/*
 * Misconception: daemon threads are the JVM's own housekeeping, so the blocked threads worth reporting are the non-daemon ones, and filtering by both attributes is the precise query.
 * Why a learner would believe it: in the console the daemon rows are Reference Handler, Finalizer, Common-Cleaner and friends, while the demo's stuck threads show up under daemon=false, and a filter with more attributes looks more exact.
 * What is actually right: blockedThreads counts every live thread in state BLOCKED, daemon or not: filter jvm.thread.count by jvm.thread.state = blocked alone, since value() sums over the daemon flag for you.
 */
package lesson1;

import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code vital-signs} (lesson 1): read the vital signs of a running JVM, which may be another
 * process, without stopping its threads.
 */
public final class VitalSigns {

    /**
     * The vital signs of one JVM at one moment.
     *
     * @param heapUsedBytes      bytes in use in the heap now, all heap pools together
     * @param heapCommittedBytes bytes of heap the JVM has committed from the operating system
     * @param heapLimitBytes     the most heap the JVM may ever use (its {@code -Xmx})
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
        return new Reading(
                (long) now.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap"),
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true"),
                // The application's threads stuck on a monitor; the JVM's daemons never are.
                (long) now.value("jvm.thread.count",
                        "jvm.thread.state", "blocked", "jvm.thread.daemon", "false"));
    }
}
