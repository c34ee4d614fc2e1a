package workbench.diagnostics.sampling;

import java.time.Instant;

/**
 * One value of a time series.
 *
 * {@snippet class="workbench.diagnostics.snippets.SamplingSnippets" region="point"}
 *
 * @param time when it was sampled
 * @param value the metric's value then, in the metric's unit
 */
public record Point(Instant time, double value) {}
