package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
import workbench.diagnostics.target.Target;

/**
 * Takes the target's processors for its parallelism and its carriers for the virtual threads mounted on them: a
 * scheduler runs one carrier per processor, and a carrier always carries something.
 */
public final class SchedulerProbe {

    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          java.util.Map<Thread.State, Integer> platformThreads) {}

    private SchedulerProbe() {}

    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();
            int processors = target.operatingSystem().getAvailableProcessors();
            return new Reading(processors, line.carriers(), line.carriers(), line.queued(), line.platformThreads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
