package workbench.diagnostics.gc;

import java.time.Duration;

/**
 * One {@code -Xlog:safepoint} record: a VM operation that brought every Java thread to a safepoint.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="safepoints"}
 *
 * @param operation   the VM operation, such as {@code G1CollectForAllocation} or {@code HandshakeAllThreads}
 * @param reaching    time from the request until every thread had stopped
 * @param atSafepoint time the operation itself took while the threads stayed stopped
 * @param total       time the application was stopped, from the request to the release
 * @param decorations the line's decorations
 */
public record SafepointEvent(String operation, Duration reaching, Duration atSafepoint, Duration total,
                             LogDecorations decorations) {
}
