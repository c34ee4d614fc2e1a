package workbench.diagnostics.sched;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import workbench.diagnostics.target.Target;

/**
 * One line per interval on a JVM's scheduler, the counterpart of Go's {@code GODEBUG=schedtrace=1000}: elapsed
 * time, the virtual-thread scheduler's parallelism, carriers, mounted and queued virtual threads, platform
 * threads by state, safepoints and time stopped, and CPU against the processors available.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="trace"}
 *
 * <p>A daemon platform thread named {@code sched-trace} reads a {@link SchedReader} every interval and hands
 * each line to the sink, which must not block; it shows among the threads of the JVM it runs in. When an
 * attached target goes away the trace ends by itself. Closing the trace stops it and leaves the target open.
 */
public final class SchedTrace implements AutoCloseable {

    private final SchedReader reader;
    private final Thread thread;

    private SchedTrace(SchedReader reader, Duration interval, Consumer<SchedLine> sink) {
        this.reader = reader;
        this.thread = Thread.ofPlatform().daemon().name("sched-trace").unstarted(() -> run(interval, sink));
    }

    /**
     * Starts tracing the target, a line every {@code interval}, until {@link #close()}.
     *
     * @param interval at least one millisecond; Go's habit is one second
     * @throws IOException when an attached target cannot be reached
     */
    public static SchedTrace start(Target target, Duration interval, Consumer<SchedLine> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms, got " + interval);
        }
        SchedTrace trace = new SchedTrace(SchedReader.open(target), interval, sink);
        trace.thread.start();
        return trace;
    }

    private void run(Duration interval, Consumer<SchedLine> sink) {
        long next = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                next += interval.toNanos();
                Thread.sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
                SchedLine line;
                try {
                    line = reader.read();
                } catch (RuntimeException e) {
                    return;   // the attached JVM went away, or the trace was closed while reading: the trace ends
                }
                sink.accept(line);   // a failing sink is the caller's bug: let it show, not end the trace silently
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the trace and waits for its thread to end. Idempotent. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
