package workbench.diagnostics.sampling;

import java.time.Instant;

/**
 * One value of a time series.
 *
 * <pre>{@code
 * Point last = sampler.series("jvm.thread.count").latest();
 * System.out.println(last.time() + " " + last.value());
 * }</pre>
 *
 * @param time when it was sampled
 * @param value the metric's value then, in the metric's unit
 */
public record Point(Instant time, double value) {}
