package workbench.diagnostics.jfr;

import java.time.Duration;
import java.time.Instant;
import jdk.jfr.consumer.RecordedEvent;

/**
 * One garbage collection as JFR's {@code jdk.GarbageCollection} reports it, with its pauses kept apart
 * from the work done while the application ran.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="pauses"}
 *
 * @param gcId the JVM's collection number
 * @param name the collector's JFR name, such as {@code G1New}, {@code G1Old}, {@code ZGC Major}, {@code Shenandoah}
 * @param cause why it ran, such as {@code G1 Evacuation Pause} or {@code System.gc()}
 * @param start when it began
 * @param duration from start to end, pauses and concurrent phases together
 * @param sumOfPauses time the application was stopped
 * @param longestPause the longest single stop
 */
public record GcCollection(long gcId, String name, String cause, Instant start, Duration duration,
        Duration sumOfPauses, Duration longestPause) {

    static GcCollection of(RecordedEvent event) {
        return new GcCollection(
                event.getInt("gcId"),
                event.getString("name"),
                event.getString("cause"),
                event.getStartTime(),
                event.getDuration(),
                event.getDuration("sumOfPauses"),
                event.getDuration("longestPause"));
    }

    /** Time the collector worked while the application kept running: a ZGC or Shenandoah cycle is mostly this. */
    public Duration concurrentTime() {
        Duration concurrent = duration.minus(sumOfPauses);
        return concurrent.isNegative() ? Duration.ZERO : concurrent;
    }
}
