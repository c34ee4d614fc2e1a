// Wrong answer: reads the runtime state once, when the page is created, and serves that reading forever: fast and safepoint-free, but stale.
package lesson1;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;

public class StatusPage implements AutoCloseable {

    private final String fields;

    public StatusPage() {
        Snapshot now = Metrics.read();
        double cpuLoad = now.value("jvm.cpu.recent_utilization");
        fields = String.format(Locale.ROOT,
                "\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                (long) now.value("jvm.memory.used", "jvm.memory.type", "heap"),
                (long) now.value("jvm.memory.committed", "jvm.memory.type", "heap"),
                (long) now.value("jvm.thread.count"),
                (long) now.value("jvm.thread.count", "jvm.thread.state", "blocked"),
                Double.isNaN(cpuLoad) ? -1 : cpuLoad,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    public String render(String requestId) {
        return "{\"request\":\"" + requestId + "\"," + fields;
    }

    @Override
    public void close() {}
}
