/**
 * The garbage collector, seen two ways: {@link workbench.diagnostics.gc.GcLogParser} turns unified GC logs
 * ({@code -Xlog:gc}, {@code -Xlog:gc*}, {@code -Xlog:safepoint}) of every HotSpot collector into records,
 * and {@link workbench.diagnostics.gc.GcTrace} prints one line per collection as it happens, the JVM's
 * counterpart of Go's {@code GODEBUG=gctrace=1}.
 */
package workbench.diagnostics.gc;
