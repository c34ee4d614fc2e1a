package workbench.diagnostics.histogram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntervalHistogramTest {

    @Test
    void percentilesOfOneToAThousandAreWithinBucketPrecision() {
        IntervalHistogram histogram = new IntervalHistogram();
        for (long v = 1; v <= 1000; v++) {
            histogram.record(v * 1000);
        }
        HistogramSnapshot s = histogram.snapshot();
        assertEquals(1000, s.count());
        assertEquals(1000, s.min());
        assertEquals(1_000_000, s.max());
        assertEquals(500_500_000L, s.sum());
        assertEquals(500_000, s.percentile(50), 500_000 / 100.0);
        assertEquals(990_000, s.percentile(99), 990_000 / 100.0);
        assertEquals(1_000_000, s.percentile(100));
    }

    @Test
    void randomValuesStayWithinOnePercentOfTheTruePercentile() {
        Random random = new Random();
        long[] values = random.longs(20_000, 0, 5_000_000_000L).toArray();
        IntervalHistogram histogram = new IntervalHistogram();
        Arrays.stream(values).forEach(histogram::record);
        Arrays.sort(values);
        HistogramSnapshot s = histogram.snapshot();
        for (double p : new double[] {10, 50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            long estimate = s.percentile(p);
            assertTrue(estimate >= exact && estimate <= exact + exact / 100 + 1, p + ": " + estimate + " vs " + exact);
        }
    }

    @Test
    void intervalSnapshotStartsAFreshIntervalButTotalsKeepEverything() {
        IntervalHistogram histogram = new IntervalHistogram();
        histogram.record(Duration.ofMillis(5));
        histogram.record(Duration.ofMillis(7));
        HistogramSnapshot first = histogram.intervalSnapshot();
        histogram.record(Duration.ofMillis(100));
        HistogramSnapshot second = histogram.intervalSnapshot();
        assertEquals(2, first.count());
        assertEquals(1, second.count());
        assertEquals(Duration.ofMillis(100).toNanos(), second.min());
        assertEquals(0, histogram.intervalSnapshot().count());
        assertEquals(3, histogram.snapshot().count());
        histogram.reset();
        assertEquals(0, histogram.snapshot().count());
    }

    @Test
    void bucketsCountEveryValueOnceAndRejectNegatives() {
        IntervalHistogram histogram = new IntervalHistogram();
        for (long v : new long[] {0, 1, 255, 256, 257, 1L << 40, Long.MAX_VALUE}) {
            histogram.record(v);
        }
        HistogramSnapshot s = histogram.snapshot();
        assertEquals(7, s.buckets().stream().mapToLong(HistogramSnapshot.Bucket::count).sum());
        assertEquals(3, s.countAtOrBelow(256));   // exact below 256, then 256 shares a bucket with 257
        assertEquals(5, s.countAtOrBelow(257));
        assertEquals(Long.MAX_VALUE, s.max());
        assertThrows(IllegalArgumentException.class, () -> histogram.record(-1));
        assertThrows(IllegalArgumentException.class, () -> s.percentile(101));
    }

    @Test
    void concurrentRecordingLosesNothing() throws InterruptedException {
        IntervalHistogram histogram = new IntervalHistogram();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 50_000; i++) {
                    histogram.record(i);
                }
            });
        }
        long seen = 0;
        for (int i = 0; i < 20; i++) {
            seen += histogram.intervalSnapshot().count();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        seen += histogram.intervalSnapshot().count();
        assertEquals(200_000, seen);
    }
}
