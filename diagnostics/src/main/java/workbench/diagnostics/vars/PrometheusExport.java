package workbench.diagnostics.vars;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.metrics.Kind;
import workbench.diagnostics.metrics.Metric;
import workbench.diagnostics.metrics.Sample;
import workbench.diagnostics.metrics.Snapshot;

/**
 * Turns variables and a runtime snapshot into the Prometheus client's model, which its text-format
 * writer serialises. OpenTelemetry names become Prometheus names: dots to underscores, the unit as
 * suffix ({@code jvm.memory.used} in By becomes {@code jvm_memory_used_bytes}).
 */
final class PrometheusExport {

    private PrometheusExport() {}

    static MetricSnapshots of(Iterable<Var> vars, Snapshot runtime, GcDurations gcDurations) {
        List<MetricSnapshot> out = new ArrayList<>();
        if (runtime != null) {
            out.addAll(runtime(runtime, gcDurations));
        }
        for (Var var : vars) {
            out.add(switch (var) {
                case Counter counter -> counter(counter.name(), counter.help(), null,
                        Map.of(Labels.EMPTY, (double) counter.get()));
                case Gauge gauge -> gauge(gauge.name(), gauge.help(), null, Map.of(Labels.EMPTY, gauge.get()));
                case Histogram histogram -> histogram(histogram);
                case VarMap map -> counter(map.name(), map.help(), null, mapValues(map));
            });
        }
        return new MetricSnapshots(out);
    }

    private static Map<Labels, Double> mapValues(VarMap map) {
        Map<Labels, Double> values = new LinkedHashMap<>();
        map.asMap().forEach((key, count) -> values.put(Labels.of("key", key), (double) count));
        return values;
    }

    private static List<MetricSnapshot> runtime(Snapshot snapshot, GcDurations gcDurations) {
        List<MetricSnapshot> out = new ArrayList<>();
        for (String name : snapshot.names()) {
            List<Sample> samples = snapshot.samples(name);
            Metric metric = samples.getFirst().metric();
            Unit unit = unit(metric.unit());
            String base = prometheusName(metric) + (unit == null ? "" : "_" + unit);
            if (metric.kind() == Kind.HISTOGRAM) {
                out.add(gcHistogram(base, metric, unit, samples, gcDurations));
                continue;
            }
            Map<Labels, Double> values = new LinkedHashMap<>();
            for (Sample sample : samples) {
                values.put(labels(sample), sample.value());
            }
            out.add(metric.kind() == Kind.COUNTER
                    ? counter(base, metric.description(), unit, values)
                    : gauge(base, metric.description(), unit, values));
        }
        return out;
    }

    /**
     * Dots become underscores, as the OpenTelemetry Java agent's Prometheus exporter names them, so that one
     * dashboard reads both: {@code jvm.thread.count} is {@code jvm_thread_count}, though promtool lints a
     * {@code _count} suffix outside histograms and summaries.
     */
    static String prometheusName(Metric metric) {
        return metric.name().replace('.', '_');
    }

    private static Labels labels(Sample sample) {
        Labels.Builder labels = Labels.builder();
        sample.attributes().asMap().forEach((key, value) -> labels.label(key.replace('.', '_'), value));
        return labels.build();
    }

    /**
     * A collector's durations as the GC notifications counted them since the server started, in the agent's
     * buckets: the beans' count and total since the JVM started cannot be split into buckets.
     */
    private static MetricSnapshot gcHistogram(String name, Metric metric, Unit unit, List<Sample> samples,
                                              GcDurations gcDurations) {
        HistogramSnapshot.Builder builder =
                HistogramSnapshot.builder().name(name).help(metric.description()).unit(unit);
        double[] bounds = Arrays.copyOf(GcDurations.BOUNDS, GcDurations.BOUNDS.length + 1);
        bounds[GcDurations.BOUNDS.length] = Double.POSITIVE_INFINITY;
        for (Sample sample : samples) {
            GcDurations.Distribution collections = gcDurations.of(sample.attributes().asMap().get("jvm.gc.name"));
            builder.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .labels(labels(sample))
                    .sum(collections.sumSeconds())
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, collections.buckets()))
                    .build());
        }
        return builder.build();
    }

    private static Unit unit(String otelUnit) {
        return switch (otelUnit) {
            case "By" -> Unit.BYTES;
            case "s" -> Unit.SECONDS;
            // the agent's exporter adds no suffix for a ratio: jvm_cpu_recent_utilization
            default -> null;
        };
    }

    private static MetricSnapshot counter(String name, String help, Unit unit, Map<Labels, Double> values) {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
        if (unit != null) {
            builder.unit(unit);
        }
        values.forEach((labels, value) -> builder.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build()));
        return builder.build();
    }

    private static MetricSnapshot gauge(String name, String help, Unit unit, Map<Labels, Double> values) {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            builder.unit(unit);
        }
        values.forEach((labels, value) -> builder.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build()));
        return builder.build();
    }

    private static MetricSnapshot histogram(Histogram histogram) {
        String name = histogram.name() + "_seconds";
        double[] bounds = histogram.bounds();
        double[] withInf = Arrays.copyOf(bounds, bounds.length + 1);
        withInf[bounds.length] = Double.POSITIVE_INFINITY;
        return HistogramSnapshot.builder().name(name).help(histogram.help()).unit(Unit.SECONDS)
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .sum(histogram.sumSeconds())
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(withInf, histogram.bucketCounts()))
                        .build())
                .build();
    }
}
