package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadSnapshots;

/** Counts threads by state from the JSON thread dump, which lists every thread, virtual ones included. */
public final class SchedulerProbe {

    public record Reading(int parallelism, int carriers, int mounted, long queued,
                          Map<Thread.State, Integer> platformThreads) {}

    private SchedulerProbe() {}

    public static Reading read(Target target) {
        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();
            return new Reading(line.parallelism(), line.carriers(), line.mounted(), line.queued(),
                    ThreadSnapshots.dump(target).states());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
