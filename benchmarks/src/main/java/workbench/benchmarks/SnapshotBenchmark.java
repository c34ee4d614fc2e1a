package workbench.benchmarks;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;

/**
 * Cost of reading every JVM metric once, with ~56 live threads: the workbench's snapshot against
 * Micrometer's JVM binders (then reading every meter) and the Prometheus client's JvmMetrics (then a
 * scrape), in the same run. Safepoints caused per operation are printed at the end of each trial;
 * add {@code -prof safepoints} for JMH's own view.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SnapshotBenchmark {

    private ParkedThreads parked;
    private MetricReader workbench;
    private SimpleMeterRegistry micrometer;
    private JvmGcMetrics micrometerGc;
    private PrometheusRegistry prometheus;
    private SafepointCounter safepoints;
    private long safepointsAtStart;
    private long operations;

    @Setup(Level.Trial)
    public void setUp() {
        parked = new ParkedThreads(50);
        workbench = Metrics.reader(Target.current());
        micrometer = new SimpleMeterRegistry();
        new JvmMemoryMetrics().bindTo(micrometer);
        micrometerGc = new JvmGcMetrics();
        micrometerGc.bindTo(micrometer);
        new JvmThreadMetrics().bindTo(micrometer);
        new ClassLoaderMetrics().bindTo(micrometer);
        new ProcessorMetrics().bindTo(micrometer);
        prometheus = new PrometheusRegistry();
        JvmMetrics.builder().register(prometheus);
        safepoints = Safepoints.current();
        safepointsAtStart = safepoints.count();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        long total = safepoints.count() - safepointsAtStart;
        System.out.printf("%nsafepoints during the trial: %d over ~%d operations (GC included)%n", total, operations);
        safepoints.close();
        micrometerGc.close();
        workbench.close();
        parked.close();
    }

    @Benchmark
    public Snapshot workbenchSnapshot() {
        operations++;
        return workbench.read();
    }

    @Benchmark
    public void micrometerJvmBinders(Blackhole blackhole) {
        operations++;
        for (Meter meter : micrometer.getMeters()) {
            for (io.micrometer.core.instrument.Measurement measurement : meter.measure()) {
                blackhole.consume(measurement.getValue());
            }
        }
    }

    @Benchmark
    public MetricSnapshots prometheusJvmMetrics() {
        operations++;
        return prometheus.scrape();
    }
}
