/*
 * Misconception: "bytes in use in the heap" means the live set, jvm.memory.used_after_last_gc, because plain used also counts garbage that is about to be collected.
 * Why a learner would believe it: the lesson calls the usage after the last GC "the closest thing to a live-set size" and warns that heap used is a sawtooth, so the after-GC figure looks like the honest one.
 * What is actually right: heap used is jvm.memory.used filtered to heap, what the pools hold right now, garbage included; the after-GC value is a different vital sign and misses everything allocated since the last collection.
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
        // What the heap really holds: the usage right after the last collection, not the sawtooth.
        double live = now.value("jvm.memory.used_after_last_gc", "jvm.memory.type", "heap");
        if (Double.isNaN(live) || live <= 0) {
            // No collection yet: nothing has been freed, so everything used is still live.
            live = now.value("jvm.memory.used", "jvm.memory.type", "heap");
        }
        return new Reading(
                (long) live,
                (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.limit", "jvm.memory.type", "heap"),
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.daemon", "true"),
                (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked"));
    }
}
