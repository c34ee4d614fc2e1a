package workbench.diagnostics.safepoint;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import workbench.diagnostics.metrics.Units;

/**
 * One VM operation as JFR's {@code jdk.ExecuteVMOperation} reports it: what the JVM did on behalf of a
 * thread, and whether it stopped every thread to do it.
 *
 * {@snippet class="workbench.diagnostics.snippets.SafepointSnippets" region="operations"}
 *
 * @param name the operation, such as {@code ThreadDump}, {@code G1CollectForAllocation} or {@code GC_HeapInspection}
 * @param atSafepoint whether every Java thread was stopped for it
 * @param start when the operation began
 * @param duration how long the operation ran (excluding the time to reach the safepoint)
 * @param caller name of the thread that requested it, or {@code ""} when the JVM itself did
 */
public record VmOperation(String name, boolean atSafepoint, Instant start, Duration duration, String caller) {

    static VmOperation of(RecordedEvent event) {
        RecordedThread thread = event.getThread("caller");
        String caller = thread == null ? "" : nullToEmpty(thread.getJavaName());
        return new VmOperation(
                event.getString("operation"),
                event.getBoolean("safepoint"),
                event.getStartTime(),
                event.getDuration(),
                caller);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return name + (atSafepoint ? " at safepoint, " : ", ") + Units.format(duration)
                + (caller.isEmpty() ? "" : ", requested by \"" + caller + "\"");
    }
}
