package workbench.diagnostics.snippets;

import java.time.Duration;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.Sparklines;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.sampling}. */
public final class SamplingSnippets {

    private SamplingSnippets() {}

    // @start region="sampler"
    public static String watch(Target target, Duration period) throws InterruptedException {
        try (Sampler sampler = Sampler.start(target, period, 240)) {     // keeps the last 240 snapshots
            Thread.sleep(period.multipliedBy(40));                        // about 40 samples
            TimeSeries threads = sampler.series("jvm.thread.count");
            double allocated = sampler.series("jvm.memory.allocated").rate(Duration.ofSeconds(5));
            return threads.sparkline(40) + " threads, " + allocated + " B/s allocated";
        }
    }
    // @end

    // @start region="series"
    public static void printHeapTrend(Sampler sampler) {
        TimeSeries heap = sampler.series("jvm.memory.used", Attributes.of("jvm.memory.type", "heap"));
        double growth = heap.slope(Duration.ofMinutes(1));               // bytes per second: growing?
        double p99 = heap.percentile(99, Duration.ofMinutes(1));
        double allocation = sampler.series("jvm.memory.allocated").rate(Duration.ofSeconds(10));   // bytes/s
        System.out.println(heap.sparkline(40) + " heap " + growth + " B/s, p99 " + p99 + " B; allocating "
                + allocation + " B/s");
    }
    // @end

    // @start region="point"
    public static void printLatest(Sampler sampler) {
        Point last = sampler.series("jvm.thread.count").latest();        // null before the first sample
        System.out.println(last.time() + ": " + last.value() + " threads");
    }
    // @end

    public static String sparkline() {
        // @start region="sparkline"
        String line = Sparklines.of(new double[] {1, 2, 3, 5, 8, 5, 3});   // "▁▂▃▅█▅▃"
        // @end
        return line;
    }
}
