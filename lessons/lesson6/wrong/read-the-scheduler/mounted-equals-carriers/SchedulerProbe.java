// Misconception: Every carrier the scheduler has is carrying a virtual thread (that is what a carrier is for), so
// mounted = getPoolSize(); the learner misses that an idle carrier is kept for 30 s with nothing mounted, so
// mounted counts carriers in use, not carriers that exist.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
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
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();
            // One virtual thread mounted per carrier: a carrier is a thread that carries one.
            int mounted = line.carriers();
            return new Reading(line.parallelism(), line.carriers(), mounted, line.queued(), line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
