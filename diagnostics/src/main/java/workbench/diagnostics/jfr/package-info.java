/**
 * JFR plumbing: {@link workbench.diagnostics.jfr.JfrStream} streams any target's events, and
 * {@link workbench.diagnostics.jfr.GcPauseRecorder} keeps a histogram of its GC pauses.
 */
package workbench.diagnostics.jfr;
