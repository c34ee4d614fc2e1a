// Misconception: The virtual-thread scheduler's bean is read with ManagementFactory.getPlatformMXBean, exactly as the
// lesson's snippet does, and only the thread counts need the Target; the learner believes the scheduler is the JDK's
// one shared ForkJoinPool, so any JVM's bean describes it, and never notices the snippet reads its own JVM.
package lesson6;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.EnumMap;
import java.util.Map;
import jdk.management.VirtualThreadSchedulerMXBean;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code read-the-scheduler} (lesson 6): read the virtual-thread scheduler of a running JVM, which may be
 * another process, the way one line of Go's {@code GODEBUG=schedtrace} reads the Go scheduler.
 */
public final class SchedulerProbe {

    /** The scheduler of one JVM at one moment. */
    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          Map<Thread.State, Integer> platformThreads) {}

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        VirtualThreadSchedulerMXBean scheduler = ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        int parallelism = scheduler.getParallelism();
        int carriers = scheduler.getPoolSize();
        int mounted = scheduler.getMountedVirtualThreadCount();
        long queued = scheduler.getQueuedVirtualThreadCount();

        // Platform threads by state, without stacks: no safepoint.
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        long[] ids = target.threads().getAllThreadIds();
        for (ThreadInfo info : target.threads().getThreadInfo(ids, 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return new Reading(parallelism, carriers, mounted, queued, states);
    }
}
