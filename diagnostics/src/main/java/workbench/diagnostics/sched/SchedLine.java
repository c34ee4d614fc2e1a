package workbench.diagnostics.sched;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The scheduler of a JVM over one interval, the counterpart of a {@code SCHED} line of Go's
 * {@code GODEBUG=schedtrace}. Gauges (carriers, mounted, queued, threads) are read at the end of the interval;
 * safepoints, time stopped and CPU are what happened during it.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="line"}
 *
 * @param uptime          how long the JVM had been running at the end of the interval
 * @param interval        the length of the interval
 * @param parallelism     the virtual-thread scheduler's target parallelism: how many carriers it aims to keep busy
 *                        ({@code jdk.virtualThreadScheduler.parallelism}, the processors by default); -1 when the
 *                        JVM has no {@code VirtualThreadSchedulerMXBean} (before JDK 24, or a custom scheduler)
 * @param carriers        carrier threads the scheduler has now, busy or idle; above {@code parallelism} while it
 *                        compensates for carriers blocked in the JVM, below it while it has not needed them all;
 *                        -1 when unknown
 * @param mounted         virtual threads mounted on a carrier now: running, or holding their carrier while pinned;
 *                        -1 when unknown
 * @param queued          virtual threads ready to run and waiting for a carrier; -1 when unknown
 * @param platformThreads live platform threads by state, carriers included; states with no thread are left out
 * @param safepoints      safepoints during the interval; -1 when the JVM publishes no performance counters
 * @param stopped         time the JVM's threads were stopped at those safepoints
 * @param cpuCores        process CPU time during the interval divided by its length: 1.5 means one and a half
 *                        processors busy on average; -1 when unknown
 * @param processors      processors available to the JVM
 */
public record SchedLine(Duration uptime, Duration interval, int parallelism, int carriers, int mounted, long queued,
                        Map<Thread.State, Integer> platformThreads, long safepoints, Duration stopped,
                        double cpuCores, int processors) {

    public SchedLine {
        platformThreads = Map.copyOf(platformThreads);
    }

    /** Live platform threads, every state together. */
    public int platformThreadCount() {
        return platformThreads.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Platform threads in one state; 0 when none. */
    public int platformThreads(Thread.State state) {
        return platformThreads.getOrDefault(state, 0);
    }

    /** Whether the JVM told its virtual-thread scheduler's figures ({@code parallelism} and the rest). */
    public boolean schedulerKnown() {
        return parallelism >= 0;
    }

    /**
     * The line in {@code schedtrace} style:
     * {@code sched 12.004s: parallelism=2 carriers=2 mounted=2 queued=37 threads=23 [runnable=5 blocked=1
     * waiting=10 timed_waiting=7] safepoints=1 stopped=0.41ms cpu=1.97/2}. Unknown figures read {@code ?}.
     */
    public String format() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "sched %.3fs: parallelism=%s carriers=%s"
                        + " mounted=%s queued=%s threads=%d [", uptime.toNanos() / 1e9, known(parallelism),
                known(carriers), known(mounted), known(queued), platformThreadCount()));
        line.append(threadStates()).append("] safepoints=").append(known(safepoints))
                .append(String.format(Locale.ROOT, " stopped=%.2fms", stopped.toNanos() / 1e6))
                .append(cpuCores < 0 ? " cpu=?" : String.format(Locale.ROOT, " cpu=%.2f", cpuCores))
                .append('/').append(processors);
        return line.toString();
    }

    /**
     * Platform threads by state as {@link #format()} shows them, in the order of {@link Thread.State}:
     * {@code runnable=5 blocked=1 waiting=10 timed_waiting=7}.
     */
    public String threadStates() {
        StringBuilder states = new StringBuilder();
        for (Map.Entry<Thread.State, Integer> state : new EnumMap<>(platformThreads).entrySet()) {
            states.append(states.isEmpty() ? "" : " ").append(state.getKey().name().toLowerCase(Locale.ROOT))
                    .append('=').append(state.getValue());
        }
        return states.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String known(long value) {
        return value < 0 ? "?" : Long.toString(value);
    }
}
