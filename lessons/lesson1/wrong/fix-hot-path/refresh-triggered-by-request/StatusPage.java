package lesson1;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo, copied
 * as it is. Every request reads the JVM's state on the request path, and some of those reads stop the
 * world.
 *
 * <p>Fix it: keep every field of the response, but read the runtime state off the request path, so that
 * the page serves at least 5 times as many requests, costs at most 1 safepoint per 1,000 requests, and
 * reports values no older than 200 ms. Check it with {@code /check} or
 * {@code ./workbench check fix-hot-path}.
 */
public class StatusPage implements AutoCloseable {

    private static final long REFRESH_AFTER_NANOS = 100_000_000L;

    private record State(long heapUsed, long heapCommitted, long live, long blocked, double cpuLoad,
                         long uptime, long readAtNanos) {}

    private final MetricReader reader = Metrics.reader(Target.current());
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("status-refresh").factory());
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile State state = readState();

    private State readState() {
        Snapshot now = reader.read();
        double cpu = now.value("jvm.cpu.recent_utilization");
        return new State(
                (long) now.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked"),
                Double.isNaN(cpu) ? 0.0 : cpu,
                runtime.getUptime(),
                System.nanoTime());
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State current = state;
        // Serve from memory; when the values have aged, hand the refresh to a background thread so that the
        // request itself never waits for a read. No traffic, no reads: nothing is spent while nobody asks.
        if (System.nanoTime() - current.readAtNanos() > REFRESH_AFTER_NANOS && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    state = readState();
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, current.heapUsed(), current.heapCommitted(), current.live(), current.blocked(),
                current.cpuLoad(), current.uptime());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
