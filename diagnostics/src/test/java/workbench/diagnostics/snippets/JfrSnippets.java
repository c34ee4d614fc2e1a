package workbench.diagnostics.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.histogram.IntervalHistogram;
import workbench.diagnostics.jfr.GcCollection;
import workbench.diagnostics.jfr.GcPauseRecorder;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.safepoint.VmOperationRecorder;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.jfr}. */
public final class JfrSnippets {

    private JfrSnippets() {}

    // @start region="stream"
    public static void printEvents(Target target) throws IOException, InterruptedException {
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.GCPhasePause");
            stream.enableAllocationSamples(150);             // throttled, so cheap enough to leave on
            stream.onEvent("jdk.GCPhasePause", e -> System.out.println("GC pause " + e.getDuration()));
            stream.onEvent("jdk.ObjectAllocationSample", e -> System.out.println(e.getClass("objectClass").getName()));
            stream.startAsync();
            Thread.sleep(5_000);
        }
    }
    // @end

    // @start region="file"
    public static void saveAndReadBack(Target target, Path file) throws IOException, InterruptedException {
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.GCPhasePause");
            stream.enable("jdk.GarbageCollection");
            stream.enable("jdk.ExecuteVMOperation");
            stream.startAsync();
            Thread.sleep(60_000);
            stream.dump(file);                               // for JDK Mission Control, `jfr print`, or later
        }
        GcPauseRecorder gc = GcPauseRecorder.read(file);     // the same views as a live recorder's
        System.out.println(gc.collectionCount() + " collections, paused " + gc.totalPauseTime());
        for (VmOperation operation : VmOperationRecorder.read(file)) {
            System.out.println(operation.name() + " asked for by " + operation.caller());
        }
    }
    // @end

    // @start region="pauses"
    public static void printGcPauses(Target target) throws IOException, InterruptedException {
        try (GcPauseRecorder gc = GcPauseRecorder.start(target)) {
            Thread.sleep(10_000);
            gc.stop();                                                   // delivers what JFR still buffers
            System.out.println("pauses: " + gc.pauses().snapshot());    // n=.. mean=.. p50=.. p99=.. max=..
            System.out.println("paused " + gc.totalPauseTime() + ", concurrent " + gc.totalConcurrentTime());
            for (GcCollection collection : gc.collections()) {
                System.out.println(collection.name() + " (" + collection.cause() + "): paused "
                        + collection.sumOfPauses() + ", concurrent " + collection.concurrentTime());
            }
        }
    }
    // @end

    // @start region="interval"
    public static HistogramSnapshot timeRequests(Runnable request, int count) {
        IntervalHistogram latencies = new IntervalHistogram();         // record from any thread
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            request.run();
            latencies.record(Duration.ofNanos(System.nanoTime() - start));
        }
        HistogramSnapshot interval = latencies.intervalSnapshot();     // since the last one; starts a new interval
        System.out.println(interval);                                  // n=1000 mean=.. p50=.. p99=.. max=..
        return interval;
    }
    // @end

    // @start region="snapshot"
    public static void printPauses(IntervalHistogram pauses) {
        HistogramSnapshot last = pauses.intervalSnapshot();
        System.out.println(last.count() + " pauses, p99 " + last.percentileDuration(99)
                + ", longest " + Duration.ofNanos(last.max()));
        for (HistogramSnapshot.Bucket bucket : last.buckets()) {      // as a Prometheus or OpenTelemetry histogram
            System.out.println("up to " + bucket.upperBound() + " ns: " + bucket.count());
        }
    }
    // @end
}
