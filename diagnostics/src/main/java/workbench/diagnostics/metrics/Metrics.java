package workbench.diagnostics.metrics;

import java.util.List;
import workbench.diagnostics.target.Target;

/**
 * The metric catalogue and the way to read it: named JVM metrics after the OpenTelemetry JVM
 * semantic conventions, read without stopping the world.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="catalogue"}
 */
public final class Metrics {

    private static final class CurrentReader {
        static final MetricReader INSTANCE = new MetricReader(Target.current());
    }

    private Metrics() {}

    /** Every metric the library reads, in a stable order. */
    public static List<Metric> catalogue() {
        return Catalogue.ALL;
    }

    /**
     * The catalogue entry of a name.
     *
     * @throws IllegalArgumentException when no metric has that name
     */
    public static Metric metric(String name) {
        Metric metric = Catalogue.BY_NAME.get(name);
        if (metric == null) {
            throw new IllegalArgumentException("no metric named \"" + name
                    + "\"; Metrics.catalogue() lists them all, e.g. jvm.memory.used, jvm.thread.count");
        }
        return metric;
    }

    /** Reads every metric of this JVM, with a reader kept for the life of the JVM. */
    public static Snapshot read() {
        return CurrentReader.INSTANCE.read();
    }

    /**
     * Reads every metric of a target. For the current JVM this reuses a shared reader; for an attached
     * target it prepares a new reader each time, so keep a {@link #reader(Target)} when reading often.
     */
    public static Snapshot read(Target target) {
        if (target.isCurrent()) {
            return read();
        }
        try (MetricReader reader = reader(target)) {
            return reader.read();
        }
    }

    /** A reusable reader for a target; close it when done (the target stays open). */
    public static MetricReader reader(Target target) {
        return new MetricReader(target);
    }
}
