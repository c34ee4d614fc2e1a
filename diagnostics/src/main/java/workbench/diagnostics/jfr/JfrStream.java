package workbench.diagnostics.jfr;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import jdk.management.jfr.RemoteRecordingStream;
import workbench.diagnostics.target.Target;

/**
 * A JFR event stream of a {@link Target}: a {@link RecordingStream} in the current JVM, a
 * {@link RemoteRecordingStream} over the target's JMX connection otherwise, behind one API.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="stream"}
 *
 * <p>Like the streams it wraps: configure ({@code enable}, {@code onEvent}) before
 * {@link #startAsync()}; {@link #stop()} delivers every event recorded so far, then returns;
 * {@link #close()} discards what was not delivered. Event names must not be {@code null}.
 */
public final class JfrStream implements AutoCloseable {

    /** Events per second that keep allocation sampling cheap whatever the program allocates. */
    public static final int DEFAULT_ALLOCATION_SAMPLES_PER_SECOND = 150;

    private final RecordingStream local;
    private final RemoteRecordingStream remote;

    private JfrStream(RecordingStream local, RemoteRecordingStream remote) {
        this.local = local;
        this.remote = remote;
    }

    /**
     * Opens a stream with no events enabled.
     *
     * @throws IOException when the target's JFR cannot be reached over JMX
     */
    public static JfrStream open(Target target) throws IOException {
        if (target.isCurrent()) {
            return new JfrStream(new RecordingStream(), null);
        }
        return new JfrStream(null, new RemoteRecordingStream(target.connection()));
    }

    /** The same stream for the current JVM; never throws. */
    public static JfrStream current() {
        return new JfrStream(new RecordingStream(), null);
    }

    /** Enables an event (such as {@code "jdk.GCPhasePause"}) with threshold zero; tune further with the result. */
    public EventSettings enable(String eventName) {
        EventSettings settings = local != null ? local.enable(eventName) : remote.enable(eventName);
        return settings.withThreshold(Duration.ZERO);
    }

    /** Disables an event. */
    public void disable(String eventName) {
        if (local != null) {
            local.disable(eventName);
        } else {
            remote.disable(eventName);
        }
    }

    /**
     * Enables {@code jdk.ObjectAllocationSample} with a throttle, the form of allocation profiling that
     * costs next to nothing. Without a throttle every new TLAB and every large allocation is an event with a
     * stack trace, which a program allocating many large arrays pays for.
     */
    public EventSettings enableAllocationSamples(int perSecond) {
        return enable("jdk.ObjectAllocationSample").with("throttle", perSecond + "/s");
    }

    /** Calls the action for every event of that name, on the stream's thread. */
    public JfrStream onEvent(String eventName, Consumer<RecordedEvent> action) {
        stream().onEvent(eventName, action);
        return this;
    }

    /** Calls the action for every event. */
    public JfrStream onEvent(Consumer<RecordedEvent> action) {
        stream().onEvent(action);
        return this;
    }

    /** Calls the action after each batch of events (about once a second while recording). */
    public JfrStream onFlush(Runnable action) {
        stream().onFlush(action);
        return this;
    }

    /** Calls the action when the stream fails, for example when the remote JVM exits. */
    public JfrStream onError(Consumer<Throwable> action) {
        stream().onError(action);
        return this;
    }

    /** Starts recording and delivering events on a background thread. */
    public void startAsync() {
        stream().startAsync();
    }

    /** Starts recording and delivers events on this thread until the stream is closed. */
    public void start() {
        stream().start();
    }

    /**
     * Stops recording and waits until every event recorded so far has been delivered.
     *
     * @return {@code false} if the stream was not running
     */
    public boolean stop() {
        return local != null ? local.stop() : remote.stop();
    }

    /** The wrapped stream, for what this class does not offer (ordering, reuse, start times). */
    public EventStream stream() {
        return local != null ? local : remote;
    }

    /** Stops recording and releases its resources. Idempotent. */
    @Override
    public void close() {
        stream().close();
    }
}
