package workbench.diagnostics.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.EventSettings;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import jdk.management.jfr.RemoteRecordingStream;
import workbench.diagnostics.target.Target;

/**
 * A JFR event stream behind one API: of a {@link Target} while it runs (a {@link RecordingStream} in the current
 * JVM, a {@link RemoteRecordingStream} over the target's JMX connection otherwise), or of a recording file.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="stream"}
 *
 * <p>Like the streams it wraps: configure ({@code enable}, {@code onEvent}) before
 * {@link #startAsync()}; {@link #stop()} delivers every event recorded so far, then returns;
 * {@link #close()} discards what was not delivered. Event names must not be {@code null}. A live stream can
 * {@link #dump} what it recorded to a file, and {@link #openFile} reads such a file (or one from {@code jcmd
 * JFR.dump} or JDK Mission Control) through the same handlers.
 *
 * {@snippet class="workbench.diagnostics.snippets.JfrSnippets" region="file"}
 */
public final class JfrStream implements AutoCloseable {

    /** Events per second that keep allocation sampling cheap whatever the program allocates. */
    public static final int DEFAULT_ALLOCATION_SAMPLES_PER_SECOND = 150;

    private final EventStream stream;
    private volatile boolean started;

    private JfrStream(EventStream stream) {
        this.stream = stream;
    }

    /**
     * Opens a stream with no events enabled.
     *
     * @throws IOException when the target's JFR cannot be reached over JMX
     */
    public static JfrStream open(Target target) throws IOException {
        if (target.isCurrent()) {
            return current();
        }
        return new JfrStream(new RemoteRecordingStream(target.connection()));
    }

    /** The same stream for the current JVM; never throws. */
    public static JfrStream current() {
        return new JfrStream(new RecordingStream());
    }

    /**
     * Opens a stream over a recording file: it delivers every event the file holds, batch by batch as a live
     * stream does (each batch in order of the events' end times), and {@link #start()} returns at the end of the
     * file. Nothing can be enabled or disabled.
     *
     * @throws IOException when the file cannot be read
     */
    public static JfrStream openFile(Path file) throws IOException {
        return new JfrStream(EventStream.openFile(file));
    }

    /**
     * Enables an event (such as {@code "jdk.GCPhasePause"}) with threshold zero; tune further with the result.
     *
     * @throws IllegalStateException on a stream over a file, which holds what it was recorded with
     */
    public EventSettings enable(String eventName) {
        EventSettings settings = switch (stream) {
            case RecordingStream local -> local.enable(eventName);
            case RemoteRecordingStream remote -> remote.enable(eventName);
            default -> throw fileStream("enable " + eventName);
        };
        return settings.withThreshold(Duration.ZERO);
    }

    /**
     * Records what one of the JDK's configurations records ({@code "default"}, low overhead, or {@code "profile"}),
     * as {@code -XX:StartFlightRecording:settings=default} does; events enabled afterwards add to it.
     *
     * @throws IOException           when the JDK has no configuration of that name
     * @throws IllegalStateException on a stream over a file
     */
    public void useConfiguration(String name) throws IOException {
        Map<String, String> settings;
        try {
            settings = Configuration.getConfiguration(name).getSettings();
        } catch (ParseException e) {
            throw new IOException("the JDK's JFR configuration '" + name + "' cannot be read", e);
        }
        switch (stream) {
            case RecordingStream local -> local.setSettings(settings);
            case RemoteRecordingStream remote -> remote.setSettings(settings);
            default -> throw fileStream("use configuration " + name);
        }
    }

    /**
     * Disables an event.
     *
     * @throws IllegalStateException on a stream over a file
     */
    public void disable(String eventName) {
        switch (stream) {
            case RecordingStream local -> local.disable(eventName);
            case RemoteRecordingStream remote -> remote.disable(eventName);
            default -> throw fileStream("disable " + eventName);
        }
    }

    /**
     * Writes what this live stream has recorded since it started to a JFR file on this machine, for
     * {@link #openFile}, {@code jfr print} or JDK Mission Control; recording goes on.
     *
     * @throws IOException           when the file cannot be written
     * @throws IllegalStateException when the stream has not started, or reads a file
     */
    public void dump(Path file) throws IOException {
        switch (stream) {
            case RecordingStream local -> local.dump(file);
            case RemoteRecordingStream remote -> remote.dump(file);
            default -> throw fileStream("dump");
        }
    }

    private static IllegalStateException fileStream(String what) {
        return new IllegalStateException("cannot " + what + " on a stream over a recording file: the file holds the"
                + " events it was recorded with");
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
        stream.onEvent(eventName, action);
        return this;
    }

    /** Calls the action for every event. */
    public JfrStream onEvent(Consumer<RecordedEvent> action) {
        stream.onEvent(action);
        return this;
    }

    /** Calls the action after each batch of events (about once a second while recording). */
    public JfrStream onFlush(Runnable action) {
        stream.onFlush(action);
        return this;
    }

    /** Calls the action when the stream fails, for example when the remote JVM exits. */
    public JfrStream onError(Consumer<Throwable> action) {
        stream.onError(action);
        return this;
    }

    /** Starts recording and delivering events on a background thread. */
    public void startAsync() {
        started = true;
        stream.startAsync();
    }

    /**
     * Starts recording and delivers events on this thread until the stream is closed; over a file, until its
     * last event.
     */
    public void start() {
        started = true;
        stream.start();
    }

    /**
     * Stops recording and waits until every event recorded so far has been delivered; over a file, waits until
     * the stream has delivered every event the file holds.
     *
     * @return {@code false} if the stream was not running
     */
    public boolean stop() {
        return switch (stream) {
            case RecordingStream local -> local.stop();
            case RemoteRecordingStream remote -> remote.stop();
            default -> started && awaitEnd();
        };
    }

    private boolean awaitEnd() {
        try {
            stream.awaitTermination();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The wrapped stream, for what this class does not offer (ordering, reuse, start times). */
    public EventStream stream() {
        return stream;
    }

    /** Stops recording and releases its resources. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }
}
