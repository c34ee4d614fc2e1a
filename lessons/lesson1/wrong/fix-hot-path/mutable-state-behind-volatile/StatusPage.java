package lesson1;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.metrics.Metrics;

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

    /** The latest runtime values; one instance, refreshed in place by the timer. */
    private static final class State {
        long heapUsed;
        long heapCommitted;
        long liveThreads;
        long blockedThreads;
        double cpuLoad;
        long uptime;
    }

    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final State current = new State();
    private volatile State state;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("status-refresh").unstarted(task));

    public StatusPage() {
        refresh();
        timer.scheduleAtFixedRate(this::refreshSafely, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;   // one volatile read; the request path reads nothing from the runtime
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed, s.heapCommitted, s.liveThreads, s.blockedThreads, s.cpuLoad, s.uptime);
    }

    /** A task that throws is never run again, so a failed refresh must not escape. */
    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // keep the last values; the next tick tries again
        }
    }

    private void refresh() {
        Snapshot now = Metrics.read();   // never stops the world: thread states without stacks
        State s = current;
        s.heapUsed = (long) now.value("jvm.memory.used", "jvm.memory.type", "heap");
        s.heapCommitted = (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap");
        s.liveThreads = (long) now.value("jvm.thread.count");
        s.blockedThreads = (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked");
        s.cpuLoad = now.value("jvm.cpu.recent_utilization");
        s.uptime = runtime.getUptime();
        state = s;   // volatile write: publishes the new values to the request threads
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
