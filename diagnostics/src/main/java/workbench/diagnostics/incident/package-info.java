/**
 * Incident folders: {@link workbench.diagnostics.incident.IncidentCapture} writes one folder of evidence about a
 * JVM (a JFR recording, its GC log, JSON thread dumps a second apart, a class histogram and the sampled metrics),
 * and {@link workbench.diagnostics.incident.Incident} reads such a folder later, on any machine, through the same
 * readers that watch a live JVM.
 */
package workbench.diagnostics.incident;
