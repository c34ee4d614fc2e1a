package workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.jfr.HistogramSnapshot;
import workbench.diagnostics.jfr.IntervalHistogram;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;

/** The README's and the Javadoc's examples, compiled and run as written (within a real context). */
class ExamplesTest {

    @Test
    void metricsExample() {
        Snapshot s = Metrics.read();
        double all = s.value("jvm.thread.count");
        double runnable = s.value("jvm.thread.count", "jvm.thread.state", "runnable");
        double heap = s.value("jvm.memory.used", Attributes.of("jvm.memory.type", "heap"));
        assertTrue(runnable >= 1 && runnable <= all && heap > 0);
        assertTrue(s.toString().lines().count() > Metrics.catalogue().size() / 2);
    }

    @Test
    void safepointExample() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SafepointReading cost = Safepoints.during(() -> threads.dumpAllThreads(false, false));
        assertTrue(cost.count() >= 1, cost.toString());
        List<VmOperation> ops = Safepoints.operationsDuring(() -> threads.dumpAllThreads(false, false));
        assertTrue(ops.stream().anyMatch(VmOperation::atSafepoint), ops.toString());
    }

    @Test
    void histogramAndSamplerExamples() throws InterruptedException {
        IntervalHistogram latencies = new IntervalHistogram();
        long start = System.nanoTime();
        latencies.record(Duration.ofNanos(System.nanoTime() - start));
        HistogramSnapshot lastMinute = latencies.intervalSnapshot();
        assertEquals(1, lastMinute.count());

        try (Sampler sampler = Sampler.start(Target.current(), Duration.ofMillis(20), 240)) {
            Thread.sleep(200);
            TimeSeries threads = sampler.series("jvm.thread.count");
            assertFalse(threads.sparkline(40).isEmpty());
            assertFalse(Double.isNaN(sampler.series("jvm.memory.allocated").rate(Duration.ofSeconds(5))));
        }
    }

    @Test
    void varsExample() throws Exception {
        ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(10);
        queue.add("job");
        Vars vars = new Vars();
        vars.counter("requests", "Requests handled.").increment();
        vars.gauge("queue_depth", "Jobs waiting.", queue::size);
        vars.histogram("request_duration", "Time to handle a request.").record(Duration.ofMillis(3));
        vars.map("responses", "Responses by status.").increment("200");
        try (VarsServer server = VarsServer.start(vars, 0)) {
            URI metrics = server.uri().resolve("/metrics");
            String text = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertTrue(text.contains("queue_depth 1"), text);
        }
    }
}
