// Wrong answer: fires when the count moved by more than 20 threads in the window; healthy pools swing by more.
package lesson5;

import java.time.Duration;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

public final class ThreadClimbAlert {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private ThreadClimbAlert() {}

    public static boolean firing(Sampler watched) {
        TimeSeries count = watched.series("jvm.thread.count");
        return count.max(WINDOW) - count.min(WINDOW) > 20;
    }
}
