package workbench.diagnostics.gc;

import java.io.IOException;
import java.util.function.Consumer;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * One line per garbage collection as it happens, the counterpart of Go's {@code GODEBUG=gctrace=1}: id,
 * collector, cause, heap before and after (committed), pause and the share of time spent in GC pauses.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="trace"}
 *
 * <p>Two sources stand behind the same lines. {@link #start(Target, Consumer)} listens to the collector
 * MXBeans' notifications: immediate and cheap, in the current JVM or an attached one, with millisecond
 * durations. {@link #onJfr(Target, JfrStream, Consumer)} reads JFR's GC events from a stream the caller
 * owns (so allocation samples can share it): exact pauses and the JVM's GC ids, once a second.
 *
 * <p>Concurrent cycles (ZGC, Shenandoah, G1's concurrent mark) are reported with their length and their
 * pauses apart: only pauses stop the application and count towards the share of time in GC. The sink is
 * called on a JMX notification thread or the stream's thread; it must not block.
 */
public final class GcTrace implements AutoCloseable {

    private final NotificationSource notifications;

    private GcTrace(NotificationSource notifications) {
        this.notifications = notifications;
    }

    /**
     * Starts tracing the target's collections from MXBean notifications until {@link #close()}.
     *
     * @throws IOException when an attached target cannot be reached
     */
    public static GcTrace start(Target target, Consumer<GcTraceLine> sink) throws IOException {
        return new GcTrace(new NotificationSource(target, sink));
    }

    /**
     * Adds GC tracing to a JFR stream that is not started yet: enables {@code jdk.GarbageCollection} and
     * {@code jdk.GCHeapSummary} and reports each collection after the flush that delivered it. The lines
     * stop when the caller closes the stream.
     *
     * @param target the JVM the stream records, for its start time and the pauses before the stream began
     */
    public static void onJfr(Target target, JfrStream stream, Consumer<GcTraceLine> sink) {
        new JfrSource(target, stream, sink);
    }

    /** Stops listening. Idempotent. */
    @Override
    public void close() {
        notifications.close();
    }
}
