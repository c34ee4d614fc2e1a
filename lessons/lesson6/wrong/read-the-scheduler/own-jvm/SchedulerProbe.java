package lesson6;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import jdk.management.VirtualThreadSchedulerMXBean;
import workbench.diagnostics.target.Target;

/** Reads the scheduler bean and threads of the JVM it runs in, whatever target it is handed. */
public final class SchedulerProbe {

    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          Map<Thread.State, Integer> platformThreads) {}

    private SchedulerProbe() {}

    public static Reading read(Target target) {
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return new Reading(scheduler.getParallelism(), scheduler.getPoolSize(),
                scheduler.getMountedVirtualThreadCount(), scheduler.getQueuedVirtualThreadCount(), states);
    }
}
