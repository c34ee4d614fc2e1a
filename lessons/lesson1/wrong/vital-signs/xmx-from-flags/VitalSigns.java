/*
 * Misconception: the heap limit is the -Xmx the JVM was started with (or, without one, the documented default of a quarter of RAM), so you can read it off the command line.
 * Why a learner would believe it: the record's own javadoc says "the most heap the JVM may ever use (its -Xmx)", and RuntimeMXBean.getInputArguments() hands you that flag verbatim.
 * What is actually right: ask the JVM what limit it actually applied (jvm.memory.limit filtered to heap, i.e. the heap pools' max), which reflects alignment, ergonomics, container limits and MaxRAMPercentage.
 */
package lesson1;

import java.util.List;
import java.util.Locale;
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
        long limit = configuredMaxHeap(target);
        return new Reading(
                count(now.value("jvm.memory.used", "jvm.memory.type", "heap")),
                count(now.value("jvm.memory.committed", "jvm.memory.type", "heap")),
                limit,
                count(now.value("jvm.thread.count")),
                count(now.value("jvm.thread.count", "jvm.thread.daemon", "true")),
                count(now.value("jvm.thread.count", "jvm.thread.state", "blocked")));
    }

    /** The -Xmx of the target's command line; the JVM's default (a quarter of physical memory) without one. */
    private static long configuredMaxHeap(Target target) {
        List<String> arguments = target.runtime().getInputArguments();
        long limit = -1;
        for (String argument : arguments) {
            if (argument.startsWith("-Xmx")) {
                limit = parseSize(argument.substring(4));
            } else if (argument.startsWith("-XX:MaxHeapSize=")) {
                limit = parseSize(argument.substring("-XX:MaxHeapSize=".length()));
            }
        }
        if (limit > 0) {
            return limit;   // the last one wins, as on the java command line
        }
        return target.operatingSystem().getTotalMemorySize() / 4;
    }

    private static long parseSize(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        char unit = s.charAt(s.length() - 1);
        switch (unit) {
            case 'k' -> factor = 1L << 10;
            case 'm' -> factor = 1L << 20;
            case 'g' -> factor = 1L << 30;
            case 't' -> factor = 1L << 40;
            default -> { }
        }
        String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    private static long count(double value) {
        return Double.isNaN(value) ? 0 : Math.round(value);
    }
}
