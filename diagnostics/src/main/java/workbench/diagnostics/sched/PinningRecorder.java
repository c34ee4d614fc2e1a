package workbench.diagnostics.sched;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * Records when a JVM's virtual threads block while pinned to their carriers, through JFR's
 * {@code jdk.VirtualThreadPinned} event with stack traces, and groups the events by site.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="pinning"}
 *
 * <p>JFR's own configurations record a pinned event only when it lasted 20 ms or more; {@link #start(Target)}
 * records every one, since a service that pins a carrier for 5 ms a thousand times a second loses more than
 * one that pins it once for a second. Each event takes a stack trace, so keep a recorder for diagnosis, not
 * always on, in a program that pins thousands of times a second. Events arrive with JFR's flushes, about once a
 * second; {@link #stop()} waits for every event recorded so far. {@link #read(Path)} reads the pinned events of a
 * recording file. Thread-safe.
 */
public final class PinningRecorder implements AutoCloseable {

    private static final String EVENT = "jdk.VirtualThreadPinned";

    private final JfrStream stream;
    private final Duration threshold;
    private final List<PinnedEvent> events = new ArrayList<>();

    private PinningRecorder(JfrStream stream, Duration threshold) {
        this.stream = stream;
        this.threshold = threshold;
    }

    /**
     * Starts recording every pinned event of the target, however short.
     *
     * @throws IOException when the target's JFR cannot be reached
     */
    public static PinningRecorder start(Target target) throws IOException {
        return start(target, Duration.ZERO);
    }

    /**
     * Starts recording the target's pinned events that last at least {@code threshold}.
     *
     * @throws IOException when the target's JFR cannot be reached
     */
    public static PinningRecorder start(Target target, Duration threshold) throws IOException {
        JfrStream stream = JfrStream.open(target);
        try {
            PinningRecorder recorder = listening(stream, threshold);
            stream.enable(EVENT).withThreshold(threshold).withStackTrace();
            stream.startAsync();
            return recorder;
        } catch (RuntimeException e) {
            stream.close();   // an attached target's remote recording would otherwise outlive this failed start
            throw e;
        }
    }

    /**
     * Every pinned event a recording file holds, in the order the file delivers them: with JFR's default
     * configuration those of 20 ms or longer, every one when the recording asked for threshold zero.
     *
     * @throws IOException when the file cannot be read
     */
    public static List<PinnedEvent> read(Path recording) throws IOException {
        PinningRecorder recorder = listening(JfrStream.openFile(recording), Duration.ZERO);
        recorder.stream.start();
        return recorder.events();
    }

    private static PinningRecorder listening(JfrStream stream, Duration threshold) {
        PinningRecorder recorder = new PinningRecorder(stream, threshold);
        stream.onEvent(EVENT, event -> recorder.add(PinnedEvent.of(event)));
        return recorder;
    }

    /**
     * JFR records an event with the lowest threshold any recording of the JVM asked for, and every stream reads
     * them all: another recorder (or {@code jcmd JFR.start}) with a lower threshold would bring shorter events.
     */
    private synchronized void add(PinnedEvent event) {
        if (event.duration().compareTo(threshold) >= 0) {
            events.add(event);
        }
    }

    /** Events delivered so far, in the order they were delivered. */
    public synchronized List<PinnedEvent> events() {
        return List.copyOf(events);
    }

    /** Events delivered so far, by site, the site that held carriers the longest first. */
    public List<PinnedSite> sites() {
        return PinnedSite.of(events());
    }

    /** Stops recording and returns every event recorded, in the order they were delivered. */
    public List<PinnedEvent> stop() {
        stream.stop();
        return events();
    }

    /** Stops recording. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }
}
