/**
 * Latency histograms: {@link workbench.diagnostics.histogram.IntervalHistogram} records values in HdrHistogram's
 * buckets, each within 1%, and hands out {@link workbench.diagnostics.histogram.HistogramSnapshot}s of the whole
 * run or of the interval since the last one.
 */
package workbench.diagnostics.histogram;
