/*
 * Misconception: a thread dump without locked monitors and synchronizers, dumpAllThreads(false, false), is the cheap kind and fine for counting thread states.
 * Why a learner would believe it: the lesson's expensive example is the heap walk of dumpAllThreads(true, true), and turning both flags off feels like turning the cost off while giving exact states and daemon flags.
 * What is actually right: any read that takes stacks brings the target to a safepoint; thread states come without stopping anyone from getThreadInfo(ids) at depth 0, which is what jvm.thread.count in Metrics.read(target) uses.
 */
package lesson1;

import java.lang.management.ThreadInfo;
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
        Snapshot memory = Metrics.read(target);
        // Thread states straight from the target's ThreadMXBean: no locked monitors, no synchronizers,
        // so no heap walk. Exact per-thread states and daemon flags, no NaN rows to worry about.
        ThreadInfo[] all = target.threads().dumpAllThreads(false, false);
        long live = 0;
        long daemon = 0;
        long blocked = 0;
        for (ThreadInfo info : all) {
            if (info == null) {
                continue;
            }
            live++;
            if (info.isDaemon()) {
                daemon++;
            }
            if (info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        return new Reading(
                (long) memory.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) memory.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) memory.value("jvm.memory.limit", "jvm.memory.type", "heap"),
                live, daemon, blocked);
    }
}
