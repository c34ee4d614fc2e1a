// Misconception: The carriers are the scheduler's ForkJoinPool workers and a pool of parallelism N has N workers,
// so carriers = parallelism, like GOMAXPROCS Ps; the learner ignores that the pool starts carriers on demand,
// keeps idle ones for 30 s after the parallelism drops, and compensates for blocked ones (getPoolSize()).
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
            // The pool runs one carrier per unit of parallelism, busy or idle.
            int carriers = line.parallelism();
            return new Reading(line.parallelism(), carriers, line.mounted(), line.queued(), line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
