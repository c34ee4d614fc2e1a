package workbench.diagnostics.histogram;

import java.time.Duration;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * A histogram recorder for interval statistics: record from any thread, then take {@link #intervalSnapshot()}
 * periodically; each snapshot holds what was recorded since the previous one and starts a fresh interval.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="interval"}
 *
 * Values must be non-negative (durations in nanoseconds by convention). Buckets are HdrHistogram's, every value
 * within 1% (two significant digits); count, sum, minimum and maximum are exact. Recording is wait-free: it
 * works as HdrHistogram's {@code Recorder} does, on the same {@link WriterReaderPhaser}, and adds the exact sum
 * and extremes that {@code Recorder} leaves out, swapped with the buckets so that a snapshot's figures agree.
 */
public final class IntervalHistogram {

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Interval active = new Interval();
    /** Drained by {@link #snapshot()} but not yet handed out by {@link #intervalSnapshot()}; under the reader lock. */
    private HistogramSnapshot pending = HistogramSnapshot.EMPTY;
    /** Every interval handed out since creation or {@link #reset()}; under the reader lock. */
    private HistogramSnapshot total = HistogramSnapshot.EMPTY;

    /**
     * Records one value.
     *
     * @throws IllegalArgumentException when negative
     */
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("histogram values must be >= 0, got " + value);
        }
        long critical = phaser.writerCriticalSectionEnter();
        try {
            active.record(value);
        } finally {
            phaser.writerCriticalSectionExit(critical);
        }
    }

    /** Records a duration in nanoseconds. */
    public void record(Duration duration) {
        record(duration.toNanos());
    }

    /** What was recorded since the previous interval snapshot (or creation); starts a new interval. */
    public HistogramSnapshot intervalSnapshot() {
        phaser.readerLock();
        try {
            HistogramSnapshot interval = pending.plus(drain());
            pending = HistogramSnapshot.EMPTY;
            total = total.plus(interval);
            return interval;
        } finally {
            phaser.readerUnlock();
        }
    }

    /** Everything recorded since creation or {@link #reset()}, without starting a new interval. */
    public HistogramSnapshot snapshot() {
        phaser.readerLock();
        try {
            pending = pending.plus(drain());
            return total.plus(pending);
        } finally {
            phaser.readerUnlock();
        }
    }

    /** Forgets every value. */
    public void reset() {
        phaser.readerLock();
        try {
            drain();
            pending = HistogramSnapshot.EMPTY;
            total = HistogramSnapshot.EMPTY;
        } finally {
            phaser.readerUnlock();
        }
    }

    /** Swaps in a fresh interval and, once no writer is still in the old one, copies it. Under the reader lock. */
    private HistogramSnapshot drain() {
        Interval done = active;
        active = new Interval();
        phaser.flipPhase();
        return done.snapshot();
    }

    /** One interval's values: buckets, and the exact figures the buckets round. */
    private static final class Interval {
        private final Histogram buckets = new ConcurrentHistogram(HistogramSnapshot.SIGNIFICANT_DIGITS);
        private final LongAdder sum = new LongAdder();
        private final LongAccumulator min = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private final LongAccumulator max = new LongAccumulator(Math::max, 0);

        void record(long value) {
            buckets.recordValue(value);
            sum.add(value);
            min.accumulate(value);
            max.accumulate(value);
        }

        HistogramSnapshot snapshot() {
            return HistogramSnapshot.copyOf(buckets, sum.sum(), min.get(), max.get());
        }
    }
}
