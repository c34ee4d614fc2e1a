package workbench.diagnostics.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import workbench.diagnostics.histogram.IntervalHistogram;
import workbench.diagnostics.target.Target;

/**
 * Garbage collection pauses of a target as a histogram, from JFR: every stop-the-world pause
 * ({@code jdk.GCPhasePause}) goes into an {@link IntervalHistogram}; every collection
 * ({@code jdk.GarbageCollection}) is kept with its sum of pauses and its concurrent time apart.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="pauses"}
 *
 * JFR delivers events about once a second; {@link #stop()} waits for the rest. {@link #read(Path)} gives the
 * same view of a recording file (one {@link JfrStream#dump} wrote, or {@code jcmd JFR.dump}). Keeps the last
 * {@value #KEPT_COLLECTIONS} collections. Thread-safe.
 */
public final class GcPauseRecorder implements AutoCloseable {

    /** How many recent collections {@link #collections()} keeps. */
    public static final int KEPT_COLLECTIONS = 1_000;

    private final JfrStream stream;
    private final IntervalHistogram pauses = new IntervalHistogram();
    private final Deque<GcCollection> recent = new ArrayDeque<>();
    private long collections;
    private Duration pauseTime = Duration.ZERO;
    private Duration concurrentTime = Duration.ZERO;

    private GcPauseRecorder(JfrStream stream) {
        this.stream = stream;
    }

    /**
     * Starts recording the target's collections.
     *
     * @throws IOException when the target's JFR cannot be reached
     */
    public static GcPauseRecorder start(Target target) throws IOException {
        GcPauseRecorder recorder = listening(JfrStream.open(target));
        recorder.stream.enable("jdk.GCPhasePause");
        recorder.stream.enable("jdk.GarbageCollection");
        recorder.stream.startAsync();
        return recorder;
    }

    /**
     * The collections a recording file holds, read to its end: empty when it was recorded without
     * {@code jdk.GCPhasePause} and {@code jdk.GarbageCollection} (JFR's default configuration records both).
     *
     * @throws IOException when the file cannot be read
     */
    public static GcPauseRecorder read(Path recording) throws IOException {
        GcPauseRecorder recorder = listening(JfrStream.openFile(recording));
        recorder.stream.start();
        return recorder;
    }

    private static GcPauseRecorder listening(JfrStream stream) {
        GcPauseRecorder recorder = new GcPauseRecorder(stream);
        stream.onEvent("jdk.GCPhasePause", event -> recorder.pauses.record(event.getDuration()));
        stream.onEvent("jdk.GarbageCollection", event -> recorder.add(GcCollection.of(event)));
        return recorder;
    }

    private synchronized void add(GcCollection collection) {
        collections++;
        pauseTime = pauseTime.plus(collection.sumOfPauses());
        concurrentTime = concurrentTime.plus(collection.concurrentTime());
        recent.addLast(collection);
        if (recent.size() > KEPT_COLLECTIONS) {
            recent.removeFirst();
        }
    }

    /** Each stop-the-world pause in nanoseconds; take interval snapshots from it to watch pauses over time. */
    public IntervalHistogram pauses() {
        return pauses;
    }

    /** Recent collections, oldest first. */
    public synchronized List<GcCollection> collections() {
        return List.copyOf(recent);
    }

    /** Collections seen since the start. */
    public synchronized long collectionCount() {
        return collections;
    }

    /** Sum of every collection's pauses since the start. */
    public synchronized Duration totalPauseTime() {
        return pauseTime;
    }

    /** Time collectors worked concurrently with the application since the start (never a pause). */
    public synchronized Duration totalConcurrentTime() {
        return concurrentTime;
    }

    /** Stops recording after delivering every event recorded so far. */
    public void stop() {
        stream.stop();
    }

    /** Stops recording. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }
}
