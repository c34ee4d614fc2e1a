package workbench.diagnostics.histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.metrics.Units;

/**
 * An immutable copy of an {@link IntervalHistogram}: count, sum, extremes, percentiles and buckets.
 * Values are whatever was recorded, by convention nanoseconds for durations.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="snapshot"}
 *
 * Percentiles are the upper bound of the bucket holding that rank (at most 1/64 above the true value),
 * never above the recorded maximum.
 */
public final class HistogramSnapshot {

    private final long[] counts;
    private final long count;
    private final long sum;
    private final long min;
    private final long max;

    HistogramSnapshot(long[] counts, long count, long sum, long min, long max) {
        this.counts = counts;
        this.count = count;
        this.sum = sum;
        this.min = count == 0 ? 0 : min;
        this.max = count == 0 ? 0 : max;
    }

    /** One bucket: how many values were at most {@code upperBound} and above the previous bucket's bound. */
    public record Bucket(long upperBound, long count) {}

    /** Number of values recorded. */
    public long count() {
        return count;
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
        return count == 0 ? 0 : (double) sum / count;
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
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * count));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.clamp(Buckets.upperBound(i), min, max);
            }
        }
        return max;
    }

    /** {@link #percentile(double)} of nanosecond values as a duration. */
    public Duration percentileDuration(double percentile) {
        return Duration.ofNanos(percentile(percentile));
    }

    /** Non-empty buckets in increasing order, for exporting as a Prometheus or OpenTelemetry histogram. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                buckets.add(new Bucket(Buckets.upperBound(i), counts[i]));
            }
        }
        return buckets;
    }

    /** Number of values at most {@code bound}, counting whole buckets (exact at bucket bounds). */
    public long countAtOrBelow(long bound) {
        long seen = 0;
        for (int i = 0; i < counts.length && Buckets.upperBound(i) <= bound; i++) {
            seen += counts[i];
        }
        return seen;
    }

    /** Both snapshots together, as if every value had been recorded into one histogram. */
    public HistogramSnapshot plus(HistogramSnapshot other) {
        long[] merged = counts.clone();
        for (int i = 0; i < merged.length; i++) {
            merged[i] += other.counts[i];
        }
        long mergedMin = count == 0 ? other.min : other.count == 0 ? min : Math.min(min, other.min);
        return new HistogramSnapshot(merged, count + other.count, sum + other.sum, mergedMin, Math.max(max, other.max));
    }

    /** Summary for nanosecond values: count, mean, p50, p99, max. */
    @Override
    public String toString() {
        if (count == 0) {
            return "no values";
        }
        return String.format(Locale.ROOT, "n=%d mean=%s p50=%s p99=%s max=%s", count,
                nanos((long) mean()), nanos(percentile(50)), nanos(percentile(99)), nanos(max));
    }

    private static String nanos(long nanos) {
        return Units.format(Duration.ofNanos(nanos));
    }
}
