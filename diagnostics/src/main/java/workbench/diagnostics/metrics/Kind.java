package workbench.diagnostics.metrics;

/**
 * How a metric's value behaves, as in OpenTelemetry and Prometheus.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="rates"}
 */
public enum Kind {
    /** Only grows while the JVM runs (total CPU time, classes loaded); its rate is what matters. */
    COUNTER,
    /** A current level that goes up and down (memory used, thread count). */
    GAUGE,
    /** A distribution of observations; a snapshot holds their sum and count (GC durations). */
    HISTOGRAM
}
