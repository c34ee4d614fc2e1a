// Misconception: Every virtual thread that is not mounted is waiting for a carrier, so queued = virtual threads in
// the target's JSON thread dump minus the mounted ones; the learner counts parked virtual threads (on a queue, a
// lock, a sleep) as queued, though they wait for something else and are not ready to run.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

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
            // The JSON dump sees every virtual thread; those not on a carrier are the run queue.
            long virtualThreads = ThreadSnapshots.dump(target).threads().stream().filter(ThreadRecord::virtual).count();
            long queued = Math.max(0, virtualThreads - Math.max(0, line.mounted()));
            return new Reading(line.parallelism(), line.carriers(), line.mounted(), queued, line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
