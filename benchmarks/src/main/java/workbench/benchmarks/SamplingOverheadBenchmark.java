package workbench.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.target.Target;

/**
 * Throughput of an allocation-heavy workload with no observation, with the workbench's sampler (every
 * 100 ms), with a JFR stream (GC pauses, collections, allocation samples throttled to 150/s), with both,
 * and with allocation samples enabled without a throttle, the configuration that costs noticeably.
 * On a shared machine run each observation in its own JVM, alternating, and compare the medians.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SamplingOverheadBenchmark {

    @Param({"none", "sampler", "jfr", "sampler+jfr", "unthrottled-allocation-samples"})
    public String observation;

    private Sampler sampler;
    private JfrStream stream;

    @Setup(Level.Trial)
    public void setUp() {
        if (observation.equals("none")) {
            return;
        }
        if (observation.startsWith("sampler")) {
            sampler = Sampler.start(Target.current(), Duration.ofMillis(100), 600);
        }
        if (observation.equals("sampler")) {
            return;
        }
        stream = JfrStream.current();
        stream.onEvent(event -> { });
        if (observation.equals("unthrottled-allocation-samples")) {
            stream.enable("jdk.ObjectAllocationSample").with("throttle", "off");
        } else {
            stream.enable("jdk.GCPhasePause");
            stream.enable("jdk.GarbageCollection");
            stream.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND);
        }
        stream.startAsync();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sampler != null) {
            sampler.close();
        }
        if (stream != null) {
            stream.close();
        }
    }

    /** Builds and sorts short-lived lists of boxed values and strings: mostly allocation and young GC. */
    @Benchmark
    public int allocationHeavyWork() {
        return Workload.allocationHeavyWork();
    }
}
