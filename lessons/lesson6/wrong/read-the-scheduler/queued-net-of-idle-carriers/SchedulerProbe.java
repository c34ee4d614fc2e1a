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
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();
            // Queued means "ready to run and waiting for a carrier". A ready virtual thread while a carrier sits
            // idle does not wait for a carrier: the idle carrier takes it at once (or steals it from a busy
            // carrier's own queue). The bean counts every task in the queues, those in transit to an idle carrier
            // too, so only the ones beyond the idle carriers really wait.
            int idleCarriers = Math.max(0, line.carriers() - line.mounted());
            long waiting = Math.max(0, line.queued() - idleCarriers);
            return new Reading(line.parallelism(), line.carriers(), line.mounted(), waiting, line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach process " + target.pid(), e);
        }
    }
}
