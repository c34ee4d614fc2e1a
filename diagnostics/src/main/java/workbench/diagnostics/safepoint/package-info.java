/**
 * Observing safepoints: {@link workbench.diagnostics.safepoint.Safepoints} counts them cheaply from
 * HotSpot's performance counters and names their VM operations through JFR.
 */
package workbench.diagnostics.safepoint;
