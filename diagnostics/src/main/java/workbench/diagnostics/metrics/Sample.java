package workbench.diagnostics.metrics;

/**
 * One value of a metric for one attribute set, at the time of its snapshot.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="samples"}
 *
 * @param metric what is measured
 * @param attributes which part of it
 * @param value the value in the metric's unit; for a {@link Kind#HISTOGRAM} the sum of all observations
 * @param count for a histogram the number of observations, otherwise 1
 */
public record Sample(Metric metric, Attributes attributes, double value, long count) {

    /** The metric's name. */
    public String name() {
        return metric.name();
    }
}
