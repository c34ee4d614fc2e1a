package workbench.diagnostics.snippets;

import java.io.IOException;
import java.time.Duration;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Kind;
import workbench.diagnostics.metrics.Metric;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Sample;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.metrics}. */
public final class MetricsSnippets {

    private MetricsSnippets() {}

    // @start region="catalogue"
    public static void printMetrics(long pid) throws IOException {
        Metrics.catalogue().forEach(System.out::println);        // name (kind, unit): description
        Snapshot now = Metrics.read();                           // this JVM
        System.out.println(now.value("jvm.memory.used", "jvm.memory.type", "heap") + " bytes of heap used");
        try (Target lab = Target.attach(pid)) {
            System.out.println(Metrics.read(lab));               // another JVM, the same metrics, as a table
        }
    }
    // @end

    public static Snapshot lookUp() {
        // @start region="lookups"
        Snapshot s = Metrics.read();
        double threads = s.value("jvm.thread.count");                                 // all live threads
        double blocked = s.value("jvm.thread.count", "jvm.thread.state", "blocked");  // NaN when none is
        double heap = s.value("jvm.memory.used", "jvm.memory.type", "heap");          // over all heap pools
        long collections = s.count("jvm.gc.duration");                                // value() sums their seconds
        System.out.println(s);                                                        // the whole table
        // @end
        return s;
    }

    // @start region="attributes"
    public static double heapUsed(Snapshot snapshot) {
        Attributes heap = Attributes.of("jvm.memory.type", "heap");
        return snapshot.value("jvm.memory.used", heap);         // summed over every pool with that attribute
    }
    // @end

    public static void describeMemoryUsed() {
        // @start region="metric"
        Metric used = Metrics.metric("jvm.memory.used");
        System.out.println(used.unit() + " " + used.attributes());   // By [jvm.memory.pool.name, jvm.memory.type]
        // @end
    }

    // @start region="rates"
    public static void printRates(Snapshot before, Snapshot after) {
        double seconds = Duration.between(before.time(), after.time()).toNanos() / 1e9;
        for (Metric metric : Metrics.catalogue()) {
            if (metric.kind() == Kind.COUNTER && before.has(metric.name()) && after.has(metric.name())) {
                double rate = (after.value(metric.name()) - before.value(metric.name())) / seconds;
                System.out.println(metric.name() + ": " + rate + " " + metric.unit() + "/s");
            }
        }
    }
    // @end

    // @start region="reader"
    public static double cpuSecondsDuring(Target target, Runnable work) {
        try (MetricReader reader = Metrics.reader(target)) {     // keep one when reading often
            Snapshot before = reader.read();
            work.run();
            Snapshot after = reader.read();
            return after.value("jvm.cpu.time") - before.value("jvm.cpu.time");   // the whole JVM's CPU time
        }
    }
    // @end

    // @start region="samples"
    public static void printCollectors(Snapshot snapshot) {
        for (Sample s : snapshot.samples("jvm.gc.duration")) {  // one per collector
            String collector = s.attributes().get("jvm.gc.name");
            System.out.println(collector + ": " + s.count() + " collections, " + s.value() + " s");
        }
    }
    // @end
}
