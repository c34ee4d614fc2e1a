package workbench.diagnostics.histogram;

import java.time.Duration;

/**
 * A histogram recorder for interval statistics, after HdrHistogram's {@code Recorder}: record from any
 * thread, then take {@link #intervalSnapshot()} periodically; each snapshot holds what was recorded
 * since the previous one and starts a fresh interval. Log-linear buckets keep every value within 1.6%.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="interval"}
 *
 * Values must be non-negative (durations in nanoseconds by convention). Thread-safe; recording is one short
 * uncontended lock, and a snapshot swaps buffers rather than copying under the lock for long.
 */
public final class IntervalHistogram {

    private long[] counts = new long[Buckets.COUNT];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;
    private long[] spare = new long[Buckets.COUNT];
    private HistogramSnapshot total = empty();

    /**
     * Records one value.
     *
     * @throws IllegalArgumentException when negative
     */
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("histogram values must be >= 0, got " + value);
        }
        int index = Buckets.index(value);
        synchronized (this) {
            counts[index]++;
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }

    /** Records a duration in nanoseconds. */
    public void record(Duration duration) {
        record(duration.toNanos());
    }

    /** What was recorded since the previous interval snapshot (or creation); starts a new interval. */
    public HistogramSnapshot intervalSnapshot() {
        long[] taken;
        HistogramSnapshot interval;
        synchronized (this) {
            taken = counts;
            counts = spare;
            interval = new HistogramSnapshot(taken, count, sum, min, max);
            count = 0;
            sum = 0;
            min = Long.MAX_VALUE;
            max = 0;
            total = total.plus(interval);
            spare = new long[Buckets.COUNT];
        }
        return interval;
    }

    /** Everything recorded since creation or {@link #reset()}, without starting a new interval. */
    public synchronized HistogramSnapshot snapshot() {
        return total.plus(new HistogramSnapshot(counts.clone(), count, sum, min, max));
    }

    /** Forgets every value. */
    public synchronized void reset() {
        counts = new long[Buckets.COUNT];
        count = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
        total = empty();
    }

    private static HistogramSnapshot empty() {
        return new HistogramSnapshot(new long[Buckets.COUNT], 0, 0, 0, 0);
    }
}
