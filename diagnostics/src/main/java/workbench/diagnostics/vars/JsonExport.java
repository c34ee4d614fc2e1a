package workbench.diagnostics.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.metrics.Sample;
import workbench.diagnostics.metrics.Snapshot;

/**
 * The {@code /debug/vars} document as a tree of maps, lists and numbers for Jackson: {@code cmdline}
 * and {@code runtime} (the JVM's vitals) first, as Go's expvar serves {@code cmdline} and
 * {@code memstats}, then every variable by name. JSON has no NaN, so missing values are {@code null}.
 */
final class JsonExport {

    private JsonExport() {}

    static Map<String, Object> of(Iterable<Var> vars, Snapshot runtime) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cmdline", commandLine());
        if (runtime != null) {
            document.put("runtime", runtime(runtime));
        }
        for (Var var : vars) {
            document.put(var.name(), switch (var) {
                case Counter counter -> counter.get();
                case Gauge gauge -> number(gauge.get());
                case Histogram histogram -> histogram(histogram);
                case VarMap map -> map.asMap();
            });
        }
        return document;
    }

    /** The process's own argv where the OS tells it, else what the JVM knows of it. */
    private static List<String> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> argv = new ArrayList<>();
        info.command().ifPresent(argv::add);
        info.arguments().ifPresent(arguments -> argv.addAll(List.of(arguments)));
        if (argv.size() <= 1) {
            argv.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            argv.addAll(List.of(System.getProperty("sun.java.command", "").split(" ")));
        }
        return argv;
    }

    /** Each metric: its total, unit and, when split by attributes, every part, keyed as jq paths can name them. */
    private static Map<String, Object> runtime(Snapshot snapshot) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : snapshot.names()) {
            List<Sample> samples = snapshot.samples(name);
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("unit", samples.getFirst().metric().unit());
            metric.put("value", number(snapshot.value(name)));
            if (samples.getFirst().metric().kind() == workbench.diagnostics.metrics.Kind.HISTOGRAM) {
                metric.put("count", snapshot.count(name));
            }
            if (!samples.getFirst().attributes().isEmpty()) {
                List<Map<String, Object>> parts = new ArrayList<>();
                for (Sample sample : samples) {
                    Map<String, Object> part = new LinkedHashMap<>();
                    sample.attributes().asMap().forEach((key, value) -> part.put(jqKey(key), value));
                    part.put("value", number(sample.value()));
                    parts.add(part);
                }
                metric.put("by", parts);
            }
            metrics.put(jqKey(name), metric);
        }
        return metrics;
    }

    /** Underscores for dots, as in the Prometheus text, so that {@code jq .runtime.jvm_thread_count} finds it. */
    private static String jqKey(String name) {
        return name.replace('.', '_');
    }

    /** Count, sum and percentiles from one snapshot, so that they describe the same values. */
    private static Map<String, Object> histogram(Histogram histogram) {
        HistogramSnapshot nanos = histogram.snapshot();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", nanos.count());
        summary.put("sum_seconds", nanos.sum() / 1e9);
        summary.put("p50_seconds", nanos.percentile(50) / 1e9);
        summary.put("p90_seconds", nanos.percentile(90) / 1e9);
        summary.put("p99_seconds", nanos.percentile(99) / 1e9);
        summary.put("max_seconds", nanos.max() / 1e9);
        return summary;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
