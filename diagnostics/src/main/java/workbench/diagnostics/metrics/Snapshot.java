package workbench.diagnostics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every metric of one JVM at one moment: immutable, with lookups by name and attributes, printed as a
 * table in the console.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="lookups"}
 *
 * <p>Lookups of a name outside the {@linkplain Metrics#catalogue() catalogue} throw
 * {@link IllegalArgumentException}; a catalogued metric that this JVM does not offer (no pool with a
 * limit, no performance counters) reads as {@link Double#NaN}.
 */
public final class Snapshot {

    private final Instant time;
    private final long pid;
    private final List<Sample> samples;

    private Snapshot(Instant time, long pid, List<Sample> samples) {
        this.time = time;
        this.pid = pid;
        this.samples = List.copyOf(samples);
    }

    /** When the values were read. */
    public Instant time() {
        return time;
    }

    /** The pid of the JVM they were read from. */
    public long pid() {
        return pid;
    }

    /** Every value, grouped by metric in catalogue order. */
    public List<Sample> samples() {
        return samples;
    }

    /** The values of one metric, one per attribute set. */
    public List<Sample> samples(String name) {
        Metrics.metric(name);
        List<Sample> matching = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name)) {
                matching.add(sample);
            }
        }
        return matching;
    }

    /** Names of the metrics this snapshot has values for. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** Whether the JVM offered this metric. */
    public boolean has(String name) {
        return !samples(name).isEmpty();
    }

    /** The metric summed over all its attribute sets (for a histogram: the sum of observations). */
    public double value(String name) {
        return value(name, Attributes.EMPTY);
    }

    /**
     * The metric summed over the attribute sets that contain {@code filter}; NaN when none does. Thread
     * counts of zero have no attribute set, so with no thread blocked,
     * {@code value("jvm.thread.count", "jvm.thread.state", "blocked")} is NaN, not 0.
     */
    public double value(String name, Attributes filter) {
        double sum = 0;
        boolean found = false;
        for (Sample sample : samples(name)) {
            if (sample.attributes().matches(filter)) {
                sum += sample.value();
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** Shorthand for {@code value(name, Attributes.of(keysAndValues))}. */
    public double value(String name, String... keysAndValues) {
        return value(name, Attributes.of(keysAndValues));
    }

    /** For a histogram, the number of observations over the attribute sets that contain {@code filter}. */
    public long count(String name, Attributes filter) {
        long count = 0;
        for (Sample sample : samples(name)) {
            if (sample.attributes().matches(filter)) {
                count += sample.count();
            }
        }
        return count;
    }

    /** For a histogram, the number of observations over all attribute sets. */
    public long count(String name) {
        return count(name, Attributes.EMPTY);
    }

    /** The values of one metric by attribute set. */
    public Map<Attributes, Double> values(String name) {
        Map<Attributes, Double> values = new LinkedHashMap<>();
        samples(name).forEach(sample -> values.put(sample.attributes(), sample.value()));
        return values;
    }

    /** The table {@link #toString()} prints: one line per value, units made readable. */
    public String table() {
        return SnapshotTable.render(this);
    }

    @Override
    public String toString() {
        return table();
    }

    /** Collects samples during a read; a snapshot is built once. */
    static final class Builder {

        private final Instant time;
        private final long pid;
        // One bucket per catalogue entry, so the snapshot comes out in catalogue order without sorting.
        private final List<List<Sample>> buckets = new ArrayList<>(Catalogue.ALL.size());

        Builder(Instant time, long pid) {
            this.time = time;
            this.pid = pid;
            for (int i = 0; i < Catalogue.ALL.size(); i++) {
                buckets.add(new ArrayList<>());
            }
        }

        void add(Metric metric, Attributes attributes, double value) {
            buckets.get(Catalogue.indexOf(metric)).add(new Sample(metric, attributes, value, 1));
        }

        void addHistogram(Metric metric, Attributes attributes, double sum, long count) {
            buckets.get(Catalogue.indexOf(metric)).add(new Sample(metric, attributes, sum, count));
        }

        Snapshot build() {
            int size = 0;
            for (List<Sample> bucket : buckets) {
                size += bucket.size();
            }
            List<Sample> samples = new ArrayList<>(size);
            buckets.forEach(samples::addAll);
            return new Snapshot(time, pid, samples);
        }
    }
}
