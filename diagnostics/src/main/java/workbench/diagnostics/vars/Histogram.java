package workbench.diagnostics.vars;

import java.time.Duration;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.histogram.IntervalHistogram;

/**
 * A distribution of durations in seconds: served to Prometheus as a classic histogram with fixed
 * bucket bounds, and as JSON with count, sum and percentiles.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="histogram"}
 */
public final class Histogram implements Var {

    /** Default bucket bounds in seconds, those of the Prometheus clients. */
    public static final double[] DEFAULT_BOUNDS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    private final String name;
    private final String help;
    private final double[] bounds;
    private final LongAdder[] bucketCounts;
    private final DoubleAdder sum = new DoubleAdder();
    private final IntervalHistogram nanos = new IntervalHistogram();

    Histogram(String name, String help, double[] bounds) {
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        for (int i = 1; i < this.bounds.length; i++) {
            if (!(this.bounds[i] > this.bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase: " + java.util.Arrays.toString(bounds));
            }
        }
        this.bucketCounts = new LongAdder[this.bounds.length + 1];   // the last one is +Inf
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    /** Records a duration. Negative durations count as zero. */
    public void record(Duration duration) {
        long ns = Math.max(0, duration.toNanos());
        double seconds = ns / 1e9;
        int bucket = java.util.Arrays.binarySearch(bounds, seconds);
        bucketCounts[bucket >= 0 ? bucket : -bucket - 1].increment();
        sum.add(seconds);
        nanos.record(ns);
    }

    /** Records a duration given in seconds. */
    public void recordSeconds(double seconds) {
        record(Duration.ofNanos((long) (seconds * 1e9)));
    }

    /** Upper bounds of the buckets in seconds, without +Inf. */
    public double[] bounds() {
        return bounds.clone();
    }

    /** Count per bucket (not cumulative), the last one above every bound. */
    public long[] bucketCounts() {
        long[] counts = new long[bucketCounts.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = bucketCounts[i].sum();
        }
        return counts;
    }

    /** Sum of every recorded duration, in seconds. */
    public double sumSeconds() {
        return sum.sum();
    }

    /** Every recorded duration in nanoseconds, for percentiles. */
    public HistogramSnapshot snapshot() {
        return nanos.snapshot();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /** For the console: kind, name and current value. */
    @Override
    public String toString() {
        return "histogram " + name + ": " + snapshot();
    }
}
