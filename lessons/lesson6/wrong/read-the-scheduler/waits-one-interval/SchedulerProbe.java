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

    /** Go's schedtrace=1000: a line covers one second. */
    private static final long LINE_MILLIS = 1_000;

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            // A SchedReader's first line covers the time since it was opened: read at once, it covers nothing.
            // Give it a full interval, as schedtrace=1000 does, so the line is a whole one.
            Thread.sleep(LINE_MILLIS);
            SchedLine line = reader.read();
            return new Reading(line.parallelism(), line.carriers(), line.mounted(), line.queued(),
                    line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scheduler of process " + target.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the scheduler", e);
        }
    }
}
