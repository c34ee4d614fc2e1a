/**
 * Background sampling: {@link workbench.diagnostics.sampling.Sampler} keeps bounded
 * {@link workbench.diagnostics.sampling.TimeSeries} with rates, slopes, percentiles and sparklines.
 */
package workbench.diagnostics.sampling;
