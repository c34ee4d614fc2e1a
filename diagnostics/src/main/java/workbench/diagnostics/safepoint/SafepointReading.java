package workbench.diagnostics.safepoint;

import java.time.Duration;
import workbench.diagnostics.metrics.Units;

/**
 * Safepoint totals of a JVM at one moment, or the difference between two moments.
 *
 * {@snippet class="workbench.diagnostics.snippets.SafepointSnippets" region="reading"}
 *
 * @param count number of safepoints since the JVM started (or in the interval)
 * @param totalTime time the application threads were stopped: reaching the safepoint plus the operation
 * @param syncTime part of {@code totalTime} spent waiting for every thread to reach the safepoint
 */
public record SafepointReading(long count, Duration totalTime, Duration syncTime) {

    /** No safepoints. */
    public static final SafepointReading NONE = new SafepointReading(0, Duration.ZERO, Duration.ZERO);

    /** What happened between {@code earlier} and this reading. */
    public SafepointReading minus(SafepointReading earlier) {
        return new SafepointReading(
                count - earlier.count, totalTime.minus(earlier.totalTime), syncTime.minus(earlier.syncTime));
    }

    @Override
    public String toString() {
        return count + " safepoints, " + Units.format(totalTime) + " stopped (sync "
                + Units.format(syncTime) + ")";
    }
}
