// Misconception: Any listing of the target's platform threads will do, so the states come from a ready-made
// thread snapshot; that one is a full thread dump, stacks and all, which stops the world at every read.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import jdk.management.VirtualThreadSchedulerMXBean;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

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

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        VirtualThreadSchedulerMXBean scheduler;
        try {
            scheduler = ManagementFactory.getPlatformMXBean(target.connection(), VirtualThreadSchedulerMXBean.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the scheduler of process " + target.pid(), e);
        }

        // Platform threads only (ThreadMXBean never lists virtual threads), carriers included.
        ThreadSnapshot platform = ThreadSnapshots.of(target);

        return new Reading(scheduler.getParallelism(), scheduler.getPoolSize(),
                scheduler.getMountedVirtualThreadCount(), scheduler.getQueuedVirtualThreadCount(), platform.states());
    }
}
