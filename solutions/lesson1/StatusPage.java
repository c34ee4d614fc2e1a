package lesson1;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import workbench.diagnostics.metrics.MetricReader;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo, fixed.
 * A background thread reads the runtime state every {@value #PERIOD_MILLIS} ms, without stopping the
 * world; requests only format the latest reading.
 */
public class StatusPage implements AutoCloseable {

    /** Values are at most this old (plus one read), well inside the 200 ms the service promises. */
    private static final long PERIOD_MILLIS = 50;

    /** The runtime state a response reports, read together at one moment. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double cpuLoad, long uptimeMillis) {}

    private final MetricReader reader = Metrics.reader(Target.current());
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State latest;

    public StatusPage() {
        latest = sample();
        sampler.scheduleAtFixedRate(() -> latest = sample(), PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JSON body answering one status request: a volatile read and a format, nothing more. */
    public String render(String requestId) {
        State state = latest;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, state.heapUsed(), state.heapCommitted(), state.liveThreads(), state.blockedThreads(),
                state.cpuLoad(), state.uptimeMillis());
    }

    private State sample() {
        Snapshot now = reader.read();
        double cpuLoad = now.value("jvm.cpu.recent_utilization");
        return new State(
                (long) now.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked"),
                Double.isNaN(cpuLoad) ? -1 : cpuLoad,
                Target.current().runtime().getUptime());
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        reader.close();
    }
}
