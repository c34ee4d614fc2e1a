// Misconception: The parallelism is a setting, so the flag the JVM started with (or its processor count) says
// what it is; the scheduler's own bean says what it is now, after any change at run time.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import jdk.management.VirtualThreadSchedulerMXBean;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code read-the-scheduler} (lesson 6): read the virtual-thread scheduler of a running JVM, which may be
 * another process, the way one line of Go's {@code GODEBUG=schedtrace} reads the Go scheduler.
 *
 * <p>Try it in the console first on the lab JVM ({@code Target.current()}), with the {@code carrier-service} demo
 * running. Check it with {@code /check} or {@code ./workbench check read-the-scheduler}.
 */
public final class SchedulerProbe {

    /**
     * The scheduler of one JVM at one moment.
     *
     * @param parallelism     how many carriers the virtual-thread scheduler aims to keep busy
     * @param carriers        carrier threads the scheduler has now, busy or idle
     * @param mounted         virtual threads mounted on a carrier now (running, or pinned to it)
     * @param queued          virtual threads ready to run that wait for a carrier
     * @param platformThreads live platform threads by state, carriers included; a state with no thread may be left
     *                        out or mapped to 0
     */
    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          Map<Thread.State, Integer> platformThreads) {}

    private static final String PARALLELISM_PROPERTY = "jdk.virtualThreadScheduler.parallelism";

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        VirtualThreadSchedulerMXBean scheduler;
        try {
            scheduler = ManagementFactory.getPlatformMXBean(target.connection(), VirtualThreadSchedulerMXBean.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the scheduler of process " + target.pid(), e);
        }

        // Parallelism is a setting, not a live figure: the flag the target was started with, or its processors.
        int parallelism = target.operatingSystem().getAvailableProcessors();
        String configured = target.runtime().getSystemProperties().get(PARALLELISM_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                parallelism = Integer.parseInt(configured.trim());
            } catch (NumberFormatException ignored) {
                // the JVM falls back to the processors too
            }
        }

        // Live figures: carriers that exist now, those carrying a virtual thread, and ready ones waiting.
        int carriers = scheduler.getPoolSize();
        int mounted = scheduler.getMountedVirtualThreadCount();
        long queued = scheduler.getQueuedVirtualThreadCount();

        ThreadMXBean threads = target.threads();
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return new Reading(parallelism, carriers, mounted, queued, states);
    }
}
