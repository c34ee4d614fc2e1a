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

    /** Everything a response reports besides the request id, read at one moment. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double cpuLoad, long uptimeMillis) {}

    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final MetricReader reader = Metrics.reader(Target.current());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-refresh");
        thread.setDaemon(true);
        return thread;
    });
    // Written by the timer thread, read by request threads.
    private volatile State latest;

    public StatusPage() {
        latest = readState();
        timer.scheduleAtFixedRate(this::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            latest = readState();
        } catch (RuntimeException e) {
            // keep the last good reading; the next tick tries again
        }
    }

    private State readState() {
        Snapshot now = reader.read();
        long heapUsed = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        long heapCommitted = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        long live = (long) now.value("jvm.thread.count");
        long blocked = (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked");
        // The CPU load, from the catalogue instead of the 80 µs getProcessCpuLoad() call.
        double cpu = now.value("jvm.system.cpu.load_1m");
        return new State(heapUsed, heapCommitted, live, blocked, Double.isNaN(cpu) ? 0 : cpu, runtime.getUptime());
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State state = latest;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, state.heapUsed(), state.heapCommitted(), state.liveThreads(), state.blockedThreads(),
                state.cpuLoad(), state.uptimeMillis());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
