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

    private static final String SCHEDULER_BEAN = "jdk.management:type=VirtualThreadScheduler";

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        VirtualThreadSchedulerMXBean scheduler;
        try {
            scheduler = ManagementFactory.newPlatformMXBeanProxy(target.connection(), SCHEDULER_BEAN,
                    VirtualThreadSchedulerMXBean.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int parallelism = scheduler.getParallelism();
        int poolSize = scheduler.getPoolSize();
        int mountedNow = scheduler.getMountedVirtualThreadCount();
        long queued = scheduler.getQueuedVirtualThreadCount();
        // At most one virtual thread runs per carrier the scheduler keeps busy: "mounted equal to parallelism" is
        // the full runqueue, so a higher count is the estimate overshooting while threads mount and unmount.
        int carriers = poolSize;
        int mounted = Math.min(mountedNow, parallelism);

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
