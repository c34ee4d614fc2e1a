/* Misconception: The scheduler's parallelism is a setting fixed for the life of a JVM, so it is read once per process and remembered, while the gauges are read fresh on every call.
   Why plausible: The lesson's table and the exercise's third hint call the parallelism "a setting" (the processors unless -Djdk.virtualThreadScheduler.parallelism says otherwise), unlike carriers, mounted and queued, which it calls figures of "the moment of the read"; a setting looks safe to remember and saves part of a JMX round trip per call.
   What it gets wrong: The parallelism can change while the JVM runs (VirtualThreadSchedulerMXBean.setParallelism, as the lesson's "a JVM whose parallelism was just lowered" says); once a process has been read, every later reading of it reports the old parallelism after such a change. */
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The parallelism of each process read so far, by pid: a setting, so one read of it is enough. */
    private static final Map<Long, Integer> PARALLELISM = new ConcurrentHashMap<>();

    private SchedulerProbe() {}

    /** Reads the scheduler of {@code target}. */
    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();
            int parallelism = line.parallelism();
            if (parallelism >= 0) {
                parallelism = PARALLELISM.computeIfAbsent(target.pid(), pid -> line.parallelism());
            }
            return new Reading(parallelism, line.carriers(), line.mounted(), line.queued(), line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the scheduler of process " + target.pid(), e);
        }
    }
}
