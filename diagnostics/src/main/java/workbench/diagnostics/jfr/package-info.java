/**
 * JFR plumbing: {@link workbench.diagnostics.jfr.JfrStream} for any target, GC pause histograms,
 * and {@link workbench.diagnostics.jfr.IntervalHistogram} for interval statistics of pauses and latencies.
 */
package workbench.diagnostics.jfr;
