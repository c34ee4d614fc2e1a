/**
 * The virtual-thread scheduler, seen two ways: {@link workbench.diagnostics.sched.SchedTrace} prints one line per
 * interval with the scheduler's carriers, mounted and queued virtual threads, platform threads by state,
 * safepoints and CPU, the JVM's counterpart of Go's {@code GODEBUG=schedtrace=1000}, read through a pollable
 * {@link workbench.diagnostics.sched.SchedReader}; {@link workbench.diagnostics.sched.PinningRecorder} records
 * JFR's {@code jdk.VirtualThreadPinned} events and groups them by the site in the application where the pinned
 * virtual thread blocked.
 */
package workbench.diagnostics.sched;
