/*
 * Misconception: jvm.memory.used and jvm.memory.committed summed over all their rows are the heap figures, because the other pools are small.
 * Why a learner would believe it: "used memory" reads like "heap used", the unfiltered value() is the one-argument call the lesson shows first, and the lesson's attach example filters only jvm.memory.limit by heap.
 * What is actually right: filter every memory metric by jvm.memory.type = heap; the unfiltered sum adds Metaspace, code cache and compressed class space, tens of megabytes that move independently of the heap.
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
        // "all heap pools together": the value summed over every pool of the metric.
        long used = (long) now.value("jvm.memory.used");
        long committed = (long) now.value("jvm.memory.committed");
        // The limit needs the heap filter, as in the lesson's attach example: non-heap pools have no -Xmx.
        long limit = (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap");
        double blocked = now.value("jvm.thread.count", "jvm.thread.state", "blocked");
        return new Reading(used, committed, limit,
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true"),
                Double.isNaN(blocked) ? 0 : (long) blocked);
    }
}
