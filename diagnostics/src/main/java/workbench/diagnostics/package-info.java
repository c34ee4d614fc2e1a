/** Runtime metrics, sampling, GC tracing, thread analysis and metric export for JVMs. */
package workbench.diagnostics;
