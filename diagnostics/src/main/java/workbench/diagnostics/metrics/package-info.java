/**
 * Named JVM metrics after the OpenTelemetry JVM semantic conventions:
 * {@link workbench.diagnostics.metrics.Metrics#catalogue()} lists them,
 * {@link workbench.diagnostics.metrics.Metrics#read()} fills a
 * {@link workbench.diagnostics.metrics.Snapshot} without stopping the world.
 */
package workbench.diagnostics.metrics;
