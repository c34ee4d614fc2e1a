package workbench.diagnostics.gc;

import java.time.Duration;
import java.util.List;

/**
 * Everything a GC log says about one collection (one GC id): its main record, its pauses and, for
 * concurrent collectors, its phases. This is what JFR's {@code jdk.GarbageCollection} event reports.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="cycles"}
 *
 * @param gcId         the collection's number
 * @param collector    the collector
 * @param kind         {@link GcKind#YOUNG}, {@link GcKind#MIXED}, {@link GcKind#FULL} or
 *                     {@link GcKind#CONCURRENT_CYCLE}
 * @param cause        why it ran, or {@code null} when the log does not say
 * @param heap         heap before and after, or {@code null} when the log does not say
 * @param sumOfPauses  total stop-the-world time of the collection
 * @param longestPause its longest single pause
 * @param events       its records, in log order
 */
public record GcCycle(long gcId, Collector collector, GcKind kind, String cause, HeapChange heap,
                      Duration sumOfPauses, Duration longestPause, List<GcEvent> events) {

    /** Summarises the records of one GC id, in log order. */
    static GcCycle of(List<GcEvent> events) {
        GcEvent main = events.stream()
                .filter(e -> e.kind() != GcKind.PAUSE_PHASE && e.kind() != GcKind.CONCURRENT_PHASE)
                .findFirst()
                .orElse(events.getFirst());
        GcKind kind = main.kind() == GcKind.PAUSE_PHASE || main.kind() == GcKind.CONCURRENT_PHASE
                ? GcKind.CONCURRENT_CYCLE : main.kind();
        String cause = events.stream().map(GcEvent::cause).filter(c -> c != null).findFirst().orElse(null);
        HeapChange heap = main.heap() != null ? main.heap() : events.stream()
                .map(GcEvent::heap).filter(h -> h != null).reduce((first, last) -> last).orElse(null);
        Duration sum = Duration.ZERO;
        Duration longest = Duration.ZERO;
        for (GcEvent event : events) {
            sum = sum.plus(event.pause());
            longest = event.pause().compareTo(longest) > 0 ? event.pause() : longest;
        }
        return new GcCycle(main.gcId(), main.collector(), kind, cause, heap, sum, longest, List.copyOf(events));
    }

    /** Whether the collection stopped the application for its whole length (young, mixed or full). */
    public boolean isStopTheWorld() {
        return kind.isPause();
    }
}
