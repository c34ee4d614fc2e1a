// Misconception: the learner believes one read of a busy scheduler is noise and averages a few reads over a quarter of a second; but the gauges are the moment of the read, and an average of a queue that fills and drains is a figure the scheduler never had at the moment asked for.
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

    /** Reads per reading: mounted and queued jump from one microsecond to the next under load. */
    private static final int SAMPLES = 5;
    private static final long SAMPLE_GAP_MILLIS = 50;

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            long parallelism = 0;
            long carriers = 0;
            long mounted = 0;
            long queued = 0;
            Map<Thread.State, Integer> threadSums = new EnumMap<>(Thread.State.class);
            for (int i = 0; i < SAMPLES; i++) {
                if (i > 0) {
                    Thread.sleep(SAMPLE_GAP_MILLIS);
                }
                SchedLine line = reader.read();
                parallelism += line.parallelism();
                carriers += line.carriers();
                mounted += line.mounted();
                queued += line.queued();
                line.platformThreads().forEach((state, count) -> threadSums.merge(state, count, Integer::sum));
            }
            Map<Thread.State, Integer> threads = new EnumMap<>(Thread.State.class);
            threadSums.forEach((state, sum) -> threads.put(state, Math.round(sum / (float) SAMPLES)));
            return new Reading(Math.round(parallelism / (float) SAMPLES), Math.round(carriers / (float) SAMPLES),
                    Math.round(mounted / (float) SAMPLES), Math.round(queued / (double) SAMPLES), threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the scheduler", e);
        }
    }
}
