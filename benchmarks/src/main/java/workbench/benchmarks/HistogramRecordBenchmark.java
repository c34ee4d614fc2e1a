package workbench.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import workbench.diagnostics.histogram.IntervalHistogram;

/**
 * Cost of recording one latency: the library's {@link IntervalHistogram} (HdrHistogram buckets plus an exact sum
 * and extremes) against HdrHistogram's own {@link Recorder}, in the same run. Two threads record at once unless
 * {@code -t} says otherwise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class HistogramRecordBenchmark {

    private final IntervalHistogram workbench = new IntervalHistogram();
    private final Recorder hdrHistogram = new Recorder(2);

    @Benchmark
    public void intervalHistogram() {
        workbench.record(latency());
    }

    @Benchmark
    public void hdrHistogramRecorder() {
        hdrHistogram.recordValue(latency());
    }

    /** Between 10 µs and 10 ms, so that records spread over many buckets. */
    private static long latency() {
        return ThreadLocalRandom.current().nextLong(10_000, 10_000_000);
    }
}
