package lesson1;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    private static final long PERIOD_MILLIS = 50;

    /** The runtime figures of one read. */
    private record Status(long heapUsedBytes, long heapCommittedBytes, long liveThreads, long blockedThreads,
                          double processCpuLoad, long uptimeMillis) {}

    private final MetricReader reader = Metrics.reader(Target.current());
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-page-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Status latest = new Status(0, 0, 0, 0, 0.0, 0);

    public StatusPage() {
        refresh();   // the first request already finds a reading
        timer.scheduleAtFixedRate(this::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs on the timer thread: one read that stops no one, published as one immutable record. */
    private void refresh() {
        try {
            Snapshot now = reader.read();
            Status previous = latest;
            latest = new Status(
                    orPrevious(now.value("jvm.memory.used", "jvm.memory.type", "heap"), previous.heapUsedBytes()),
                    orPrevious(now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                            previous.heapCommittedBytes()),
                    orPrevious(now.value("jvm.thread.count"), previous.liveThreads()),
                    orPrevious(now.value("jvm.thread.count", "jvm.thread.state", "blocked"),
                            previous.blockedThreads()),
                    Double.isNaN(now.value("jvm.cpu.recent_utilization"))
                            ? previous.processCpuLoad() : now.value("jvm.cpu.recent_utilization"),
                    runtime.getUptime());
        } catch (RuntimeException e) {
            // A task that throws is never run again: keep the timer alive and serve the last reading.
        }
    }

    /** NaN: the figure was not in this read; keep the last one we had rather than publish a hole. */
    private static long orPrevious(double value, long previous) {
        return Double.isNaN(value) ? previous : (long) value;
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        Status s = latest;   // one volatile read, nothing else
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsedBytes(), s.heapCommittedBytes(), s.liveThreads(), s.blockedThreads(),
                s.processCpuLoad(), s.uptimeMillis());
    }

    /** Stops whatever the page started. */
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
