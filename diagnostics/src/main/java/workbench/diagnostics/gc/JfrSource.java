package workbench.diagnostics.gc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * Trace lines from JFR's {@code jdk.GarbageCollection} and {@code jdk.GCHeapSummary} events: exact pauses and
 * the JVM's own GC ids, delivered with the stream's flush, about once a second.
 */
final class JfrSource {

    private static final int STRAYS_KEPT = 64;

    private final Instant jvmStart;
    private final PauseShare share;
    private final Consumer<GcTraceLine> sink;
    private final Map<Long, RecordedEvent> collections = new TreeMap<>();
    private final Map<Long, Long> usedBefore = new TreeMap<>();
    private final Map<Long, long[]> usedAfter = new TreeMap<>();

    JfrSource(Target target, JfrStream stream, Consumer<GcTraceLine> sink) {
        this.jvmStart = Instant.ofEpochMilli(target.runtime().getStartTime());
        this.share = new PauseShare(target.garbageCollectors());
        this.sink = sink;
        stream.enable("jdk.GarbageCollection");
        stream.enable("jdk.GCHeapSummary");
        stream.onEvent("jdk.GarbageCollection", e -> collections.put(e.getLong("gcId"), e));
        stream.onEvent("jdk.GCHeapSummary", this::onHeapSummary);
        stream.onFlush(this::flush);
    }

    private void onHeapSummary(RecordedEvent event) {
        long id = event.getLong("gcId");
        long used = event.getLong("heapUsed");
        if ("Before GC".equals(event.getString("when"))) {
            usedBefore.put(id, used);
        } else {
            usedAfter.put(id, new long[] {used, event.getLong("heapSpace.committedSize")});
        }
    }

    /** Reports every collection the flush completed; heap figures arrive in the same flush. */
    private void flush() {
        for (RecordedEvent gc : collections.values()) {
            long id = gc.getLong("gcId");
            String name = gc.getString("name");
            Collector collector = Collector.fromBeanName(name);
            boolean concurrent = name.equals("G1Old") || collector == Collector.ZGC || collector == Collector.SHENANDOAH;
            Duration pause = gc.getDuration("sumOfPauses");
            Duration uptime = Duration.between(jvmStart, gc.getEndTime());
            Long before = usedBefore.remove(id);
            long[] after = usedAfter.remove(id);
            HeapChange heap = before == null || after == null ? null : new HeapChange(before, after[0], after[1]);
            sink.accept(new GcTraceLine(id, collector, name, gc.getString("cause"), heap, pause, gc.getDuration(),
                    concurrent, uptime, share.add(pause, uptime)));
        }
        collections.clear();
        // Summaries of collections still running stay for the next flush; strays of lost events go.
        while (usedBefore.size() > STRAYS_KEPT) {
            usedBefore.remove(usedBefore.keySet().iterator().next());
        }
        while (usedAfter.size() > STRAYS_KEPT) {
            usedAfter.remove(usedAfter.keySet().iterator().next());
        }
    }
}
