package workbench.diagnostics.sampling;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/**
 * Reads every metric of a target at a fixed period on a background daemon thread and keeps the last
 * {@code capacity} snapshots, so that any metric can be asked for as a {@link TimeSeries}.
 *
 * {@snippet class="workbench.diagnostics.snippets.SamplingSnippets" region="sampler"}
 *
 * <p>Each read is a {@link MetricReader#read()}, which never stops the world. A failing read (an attached
 * JVM that exited) is kept as {@link #lastError()} and sampling goes on. Closing the sampler stops the
 * thread; it does not close the target. Thread-safe.
 */
public final class Sampler implements AutoCloseable {

    private final MetricReader reader;
    private final int capacity;
    private final ArrayDeque<Snapshot> snapshots;
    private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile Throwable lastError;

    private Sampler(Target target, Duration period, int capacity) {
        this.reader = Metrics.reader(target);
        this.capacity = capacity;
        this.snapshots = new ArrayDeque<>(capacity);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("workbench-sampler").factory());
        timer.scheduleAtFixedRate(this::sample, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts sampling.
     *
     * @param period time between reads, at least one millisecond
     * @param capacity how many snapshots to keep; the oldest are dropped
     * @throws IllegalArgumentException on a period under 1 ms or a capacity under 2
     */
    public static Sampler start(Target target, Duration period, int capacity) {
        Objects.requireNonNull(target, "target");
        if (period.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
        }
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        }
        return new Sampler(target, period, capacity);
    }

    /** Samples this JVM once a second, keeping ten minutes. */
    public static Sampler start() {
        return start(Target.current(), Duration.ofSeconds(1), 600);
    }

    private void sample() {
        Snapshot snapshot;
        try {
            snapshot = reader.read();
        } catch (RuntimeException e) {
            lastError = e;
            return;
        }
        synchronized (this) {
            if (snapshots.size() == capacity) {
                snapshots.removeFirst();
            }
            snapshots.addLast(snapshot);
        }
        for (Consumer<Snapshot> listener : listeners) {
            listener.accept(snapshot);
        }
    }

    /** Calls the listener with every new snapshot, on the sampler's thread; keep it quick. */
    public void onSample(Consumer<Snapshot> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A metric summed over all its attribute sets, one point per snapshot that has it. */
    public TimeSeries series(String name) {
        return series(name, Attributes.EMPTY);
    }

    /** A metric summed over the attribute sets that contain {@code filter}. */
    public TimeSeries series(String name, Attributes filter) {
        Metrics.metric(name);
        List<Point> points = new ArrayList<>();
        for (Snapshot snapshot : snapshots()) {
            double value = snapshot.value(name, filter);
            if (!Double.isNaN(value)) {
                points.add(new Point(snapshot.time(), value));
            }
        }
        return new TimeSeries(filter.isEmpty() ? name : name + filter, points);
    }

    /** The kept snapshots, oldest first. */
    public synchronized List<Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The newest snapshot, or {@code null} before the first read. */
    public synchronized Snapshot latest() {
        return snapshots.peekLast();
    }

    /** The last read failure, or {@code null}. */
    public Throwable lastError() {
        return lastError;
    }

    /** Stops sampling and waits for a read in progress. Idempotent. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
