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

    /** A schedtrace line covers one interval: GODEBUG=schedtrace=1000 prints one a second. */
    private static final int READS = 10;
    private static final long READ_EVERY_MILLIS = 100;

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            // One line's worth: the figures over its interval, read every 100 ms and averaged, so a reading is not
            // one lucky instant (a burst that lasts 50 ms should not make the whole line).
            double carriers = 0;
            double mounted = 0;
            double queued = 0;
            SchedLine line = null;
            for (int i = 0; i < READS; i++) {
                if (i > 0) {
                    Thread.sleep(READ_EVERY_MILLIS);
                }
                line = reader.read();
                carriers += line.carriers();
                mounted += line.mounted();
                queued += line.queued();
            }
            return new Reading(line.parallelism(), (int) Math.round(carriers / READS),
                    (int) Math.round(mounted / READS), Math.round(queued / READS), line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the scheduler", e);
        }
    }
}
