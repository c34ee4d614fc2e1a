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
            return new Reading(line.parallelism(), line.carriers(), line.mounted(), line.queued(),
                    line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
