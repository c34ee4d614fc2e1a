package workbench.diagnostics.gc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed GC log: its records in log order and summaries per collection.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="cycles"}
 *
 * @param collector  the collector the log names or, without its banner, the one its records suggest
 * @param events     GC records that took time (pauses, concurrent phases and cycles), in log order
 * @param safepoints {@code -Xlog:safepoint} records, in log order
 * @param truncated  a last line cut off without a line break, or {@code null}
 */
public record GcLog(Collector collector, List<GcEvent> events, List<SafepointEvent> safepoints, String truncated) {

    /** The cut-off last line, when there was one. */
    public Optional<String> truncatedLine() {
        return Optional.ofNullable(truncated);
    }

    /** The records that stopped the application. */
    public List<GcEvent> pauses() {
        return events.stream().filter(GcEvent::isPause).toList();
    }

    /** Total stop-the-world GC time in the log. Concurrent work does not count. */
    public Duration totalPause() {
        return events.stream().map(GcEvent::pause).reduce(Duration.ZERO, Duration::plus);
    }

    /** One summary per GC id, in order of first appearance. */
    public List<GcCycle> cycles() {
        Map<Long, List<GcEvent>> byId = new LinkedHashMap<>();
        for (GcEvent event : events) {
            byId.computeIfAbsent(event.gcId(), id -> new ArrayList<>()).add(event);
        }
        return byId.values().stream().map(GcCycle::of).toList();
    }

    /** The summary of one GC id, if the log has records of it. */
    public Optional<GcCycle> cycle(long gcId) {
        List<GcEvent> of = events.stream().filter(e -> e.gcId() == gcId).toList();
        return of.isEmpty() ? Optional.empty() : Optional.of(GcCycle.of(of));
    }

    /** Total time the application spent stopped at safepoints, for any reason. */
    public Duration totalSafepointTime() {
        return safepoints.stream().map(SafepointEvent::total).reduce(Duration.ZERO, Duration::plus);
    }
}
