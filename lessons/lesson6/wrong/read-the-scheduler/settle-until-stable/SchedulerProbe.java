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

    /** How many reads we allow the scheduler to settle in before we take the last one as it is. */
    private static final int MAX_READS = 25;

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            // One read may catch the scheduler half-way through a change (a thread mounting while another is
            // queued); two consecutive reads that agree are a moment it really stood in.
            SchedLine previous = reader.read();
            for (int i = 1; i < MAX_READS; i++) {
                SchedLine line = reader.read();
                if (sameScheduler(previous, line)) {
                    return reading(line);
                }
                previous = line;
            }
            return reading(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scheduler of process " + target.pid(), e);
        }
    }

    private static boolean sameScheduler(SchedLine a, SchedLine b) {
        return a.parallelism() == b.parallelism() && a.carriers() == b.carriers() && a.mounted() == b.mounted()
                && a.queued() == b.queued();
    }

    private static Reading reading(SchedLine line) {
        return new Reading(line.parallelism(), line.carriers(), line.mounted(), line.queued(),
                line.platformThreads());
    }
}
