/*
 * Misconception: refreshing every 200 ms keeps values no older than 200 ms, so the refresh period can be set to the staleness bound itself (as rarely as allowed, to spend as little as possible).
 * Why a learner would believe it: the requirement reads "values no older than 200 ms", a 200 ms period looks like it meets it exactly, and the lesson praises keeping the cost independent of the request rate.
 * What is actually right: the age of a served value is up to one period plus one read plus scheduling delay (and a fixed delay adds the read time to every period), so the period must sit well inside the bound, 50 to 100 ms.
 */
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
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo.
 */
public class StatusPage implements AutoCloseable {

    /** The staleness we promise: values no older than this. */
    private static final long REFRESH_MILLIS = 200;

    private record State(long heapUsed, long heapCommitted, long live, long blocked, double cpuLoad, long uptime) {}

    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final MetricReader reader = Metrics.reader(Target.current());
    private volatile State state;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-refresher");
        t.setDaemon(true);
        return t;
    });

    public StatusPage() {
        state = readState();
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            state = readState();
        } catch (RuntimeException e) {
            // keep serving the last good state; a failed read must not kill the schedule
        }
    }

    /** One catalogue read: thread states without stacks, nothing that stops the world. */
    private State readState() {
        Snapshot s = reader.read();
        double blocked = s.value("jvm.thread.count", "jvm.thread.state", "blocked");
        double cpu = s.value("jvm.cpu.recent_utilization");
        return new State(
                (long) s.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) s.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) s.value("jvm.thread.count"),
                Double.isNaN(blocked) ? 0 : (long) blocked,
                Double.isNaN(cpu) ? 0 : cpu,
                runtime.getUptime());
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.live(), s.blocked(), s.cpuLoad(), s.uptime());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        refresher.shutdownNow();
        reader.close();
    }
}
