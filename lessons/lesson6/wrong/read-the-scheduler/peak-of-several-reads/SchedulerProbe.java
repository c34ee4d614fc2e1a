// Misconception: a busy scheduler's queue flickers, so the worst of a few quick reads is the honest figure.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
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

    /** Quick reads per reading: the busiest of them is the load the scheduler is really under. */
    private static final int READS = 4;
    private static final long GAP_MILLIS = 40;

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}: its settings once, its load as the peak of a few quick reads. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine first = reader.read();
            int carriers = first.carriers();
            int mounted = first.mounted();
            long queued = first.queued();
            for (int i = 1; i < READS; i++) {
                Thread.sleep(GAP_MILLIS);
                SchedLine line = reader.read();
                carriers = Math.max(carriers, line.carriers());
                mounted = Math.max(mounted, line.mounted());
                queued = Math.max(queued, line.queued());
            }
            return new Reading(first.parallelism(), carriers, mounted, queued,
                    new EnumMap<>(first.platformThreads()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the scheduler", e);
        }
    }
}
