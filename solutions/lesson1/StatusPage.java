package lesson1;

import java.time.Duration;
import java.util.Locale;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo, fixed.
 * The library's sampler reads the runtime state every 50 ms on its own thread, without stopping the
 * world; requests only format the latest reading.
 */
public class StatusPage implements AutoCloseable {

    /** Values are at most this old (plus one read), well inside the 200 ms the service promises. */
    private static final Duration PERIOD = Duration.ofMillis(50);

    /** The runtime state a response reports, read together at one moment. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double cpuLoad, long uptimeMillis) {

        static State of(Snapshot snapshot) {
            double cpuLoad = snapshot.value("jvm.cpu.recent_utilization");
            return new State(
                    (long) snapshot.value("jvm.memory.used", "jvm.memory.type", "heap"),
                    (long) snapshot.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                    (long) snapshot.value("jvm.thread.count"),
                    (long) snapshot.value("jvm.thread.count", "jvm.thread.state", "blocked"),
                    Double.isNaN(cpuLoad) ? -1 : cpuLoad,
                    Target.current().runtime().getUptime());
        }
    }

    private final Sampler sampler = Sampler.start(Target.current(), PERIOD, 2);
    private volatile State latest = State.of(Metrics.read());

    public StatusPage() {
        sampler.onSample(snapshot -> latest = State.of(snapshot));
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

    @Override
    public void close() {
        sampler.close();
    }
}
