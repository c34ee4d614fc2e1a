package workbench.diagnostics.gc;

import java.time.Duration;
import java.util.Locale;

/**
 * One collection as the live trace reports it, the JVM's counterpart of a {@code GODEBUG=gctrace=1} line.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="lines"}
 *
 * @param gcId       the JVM's GC id (JFR source) or the collector bean's own count (notification source)
 * @param collector  the collector
 * @param name       the collector's name for this kind of collection, such as {@code G1New},
 *                   {@code G1 Young Generation} or {@code ZGC Major Cycles}
 * @param cause      why it ran, such as {@code G1 Evacuation Pause} or {@code System.gc()}
 * @param heap       heap before and after, committed after; {@code null} when the source did not say
 * @param pause      time the application was stopped by this collection
 * @param duration   wall-clock length of the collection; longer than {@code pause} for a concurrent cycle
 * @param concurrent whether the collection ran beside the application (ZGC, Shenandoah, G1's mark cycle)
 * @param uptime     the JVM's uptime when the collection ended
 * @param gcShare    share of the JVM's uptime spent in GC pauses so far, from 0 to 1
 */
public record GcTraceLine(long gcId, Collector collector, String name, String cause, HeapChange heap,
                          Duration pause, Duration duration, boolean concurrent, Duration uptime, double gcShare) {

    /** The line in {@code gctrace} style; see the class comment. */
    public String format() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "gc %d @%.3fs %.1f%%: %s %s",
                gcId, uptime.toNanos() / 1e9, gcShare * 100, collector.displayName(), concurrent ? "concurrent " + name : name));
        if (cause != null) {
            line.append(" (").append(cause).append(')');
        }
        if (heap != null) {
            line.append(' ').append(heap);
        }
        if (concurrent) {
            line.append(' ').append(millis(duration)).append(", pause ").append(millis(pause));
        } else {
            line.append(" pause ").append(millis(pause));
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.3fms", d.toNanos() / 1e6);
    }
}
