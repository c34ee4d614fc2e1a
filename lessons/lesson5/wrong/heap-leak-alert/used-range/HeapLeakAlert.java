// Wrong answer: fires when heap used grew by more than 50 MB within the window; a sawtooth with spikes does that.
package lesson5;

import java.time.Duration;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

public final class HeapLeakAlert {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private HeapLeakAlert() {}

    public static boolean firing(Sampler watched) {
        TimeSeries used = watched.series("jvm.memory.used", Attributes.of("jvm.memory.type", "heap"));
        return used.max(WINDOW) - used.min(WINDOW) > 50 << 20;
    }
}
