package workbench.diagnostics.gc;

import java.time.Duration;

/**
 * One GC log record that took time: a pause, a concurrent phase or a whole cycle.
 *
 * <p>For {@code [gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(64M) 3.154ms} the record is
 * {@code gcId} 7, {@code G1}, {@link GcKind#YOUNG}, name {@code Pause Young (Normal) (G1 Evacuation Pause)},
 * cause {@code G1 Evacuation Pause}, heap {@code 45M->12M(64M)}, duration 3.154 ms.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="events"}
 *
 * @param gcId        the collection's number, shared by all records of one collection
 * @param collector   the collector that logged it
 * @param kind        young, mixed or full collection, pause phase, concurrent cycle or phase
 * @param name        the record's text before the heap figures, as logged
 * @param cause       why the collection ran, or {@code null} when the record does not say
 * @param heap        heap occupancy before and after, or {@code null} when the record does not say
 * @param duration    how long it took, or {@code null} (a ZGC cycle on JDK 17 logs no duration)
 * @param decorations the line's decorations (uptime, time, level, tags, ...)
 */
public record GcEvent(long gcId, Collector collector, GcKind kind, String name, String cause, HeapChange heap,
                      Duration duration, LogDecorations decorations) {

    /** Whether the application was stopped for this record's duration. */
    public boolean isPause() {
        return kind.isPause();
    }

    /** The pause this record stands for: its duration when it is a pause, else zero. */
    public Duration pause() {
        return isPause() && duration != null ? duration : Duration.ZERO;
    }
}
