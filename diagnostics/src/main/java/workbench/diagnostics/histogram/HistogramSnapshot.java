package workbench.diagnostics.histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import workbench.diagnostics.metrics.Units;

/**
 * An immutable copy of an {@link IntervalHistogram}: count, sum, extremes, percentiles and buckets.
 * Values are whatever was recorded, by convention nanoseconds for durations.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="snapshot"}
 *
 * Percentiles are the upper bound of the bucket holding that rank (at most 1% above the true value), never above
 * the recorded maximum. Count, sum, minimum and maximum are exact.
 */
public final class HistogramSnapshot {

    /** HdrHistogram's precision for every histogram here: values within 1%, exact below 256. */
    static final int SIGNIFICANT_DIGITS = 2;
    static final HistogramSnapshot EMPTY = new HistogramSnapshot(new Histogram(SIGNIFICANT_DIGITS), 0, 0, 0);

    /** The buckets, owned and never changed, and the exact figures recorded with them. */

    private final Histogram buckets;
    private final long sum;
    private final long min;
    private final long max;

    private HistogramSnapshot(Histogram buckets, long sum, long min, long max) {
        this.buckets = buckets;
        this.sum = sum;
        boolean empty = this.buckets.getTotalCount() == 0;
        this.min = empty ? 0 : min;
        this.max = empty ? 0 : max;
    }

    /** A copy of {@code buckets}, whose writers must be done, beside the exact figures recorded with them. */
    static HistogramSnapshot copyOf(AbstractHistogram buckets, long sum, long min, long max) {
        Histogram copy = new Histogram(SIGNIFICANT_DIGITS);
        copy.add(buckets);
        return new HistogramSnapshot(copy, sum, min, max);
    }

    /** One bucket: how many values were at most {@code upperBound} and above the previous bucket's bound. */
    public record Bucket(long upperBound, long count) {}

    /** Number of values recorded. */
    public long count() {
        return buckets.getTotalCount();
    }

    /** Sum of the values recorded. */
    public long sum() {
        return sum;
    }

    /** Smallest value recorded, 0 when empty. */
    public long min() {
        return min;
    }

    /** Largest value recorded, 0 when empty. */
    public long max() {
        return max;
    }

    /** Mean of the values, 0 when empty. */
    public double mean() {
        return count() == 0 ? 0 : (double) sum / count();
    }

    /**
     * The value below which {@code percentile} percent of the values fall, 0 when empty.
     *
     * @param percentile from 0 to 100
     * @throws IllegalArgumentException outside 0 to 100
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile must be within 0..100, got " + percentile);
        }
        return count() == 0 ? 0 : Math.clamp(buckets.getValueAtPercentile(percentile), min, max);
    }

    /** {@link #percentile(double)} of nanosecond values as a duration. */
    public Duration percentileDuration(double percentile) {
        return Duration.ofNanos(percentile(percentile));
    }

    /** Non-empty buckets in increasing order, for exporting as a Prometheus or OpenTelemetry histogram. */
    public List<Bucket> buckets() {
        List<Bucket> all = new ArrayList<>();
        for (HistogramIterationValue bucket : buckets.recordedValues()) {
            all.add(new Bucket(bucket.getValueIteratedTo(), bucket.getCountAtValueIteratedTo()));
        }
        return all;
    }

    /** Number of values at most {@code bound}, counting whole buckets (exact at bucket bounds). */
    public long countAtOrBelow(long bound) {
        return buckets().stream().filter(bucket -> bucket.upperBound() <= bound).mapToLong(Bucket::count).sum();
    }

    /** Both snapshots together, as if every value had been recorded into one histogram. */
    public HistogramSnapshot plus(HistogramSnapshot other) {
        // Immutable, so an empty side needs no copy: an interval drained into an empty pending one is not copied twice.
        if (other.count() == 0) {
            return this;
        }
        if (count() == 0) {
            return other;
        }
        Histogram merged = buckets.copy();
        merged.add(other.buckets);
        return new HistogramSnapshot(merged, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max));
    }

    /** Summary for nanosecond values: count, mean, p50, p99, max. */
    @Override
    public String toString() {
        if (count() == 0) {
            return "no values";
        }
        return String.format(Locale.ROOT, "n=%d mean=%s p50=%s p99=%s max=%s", count(),
                nanos((long) mean()), nanos(percentile(50)), nanos(percentile(99)), nanos(max));
    }

    private static String nanos(long nanos) {
        return Units.format(Duration.ofNanos(nanos));
    }
}
