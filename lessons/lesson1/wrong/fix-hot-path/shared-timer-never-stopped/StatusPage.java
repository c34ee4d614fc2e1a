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
 * Exercise {@code fix-hot-path} (lesson 1): the status handler, serving the JVM's state from memory. One refresher
 * per JVM reads it every 50 ms without stopping the world; every page formats the latest reading.
 */
public class StatusPage implements AutoCloseable {

    private static final long PERIOD_MILLIS = 50;

    /** One reading of every runtime figure the page serves, taken together. */
    private record Status(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                          double cpuLoad, long uptimeMillis) {}

    /**
     * The JVM's state, kept for every page of this JVM: there is only one JVM to read, so one timer reads it,
     * however many pages serve it.
     */
    private static final class Refresher {

        static final RuntimeMXBean RUNTIME = ManagementFactory.getRuntimeMXBean();
        static final MetricReader READER = Metrics.reader(Target.current());
        static volatile Status latest = read();
        static final ScheduledExecutorService TIMER = startTimer();

        private Refresher() {}

        private static ScheduledExecutorService startTimer() {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("status-page-refresh").factory());
            timer.scheduleAtFixedRate(Refresher::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            return timer;
        }

        static void ensureStarted() {
            if (TIMER.isShutdown()) {
                throw new IllegalStateException("the status refresher was shut down");
            }
        }

        private static void refresh() {
            try {
                latest = read();
            } catch (RuntimeException e) {
                // keep serving the last reading: a task that throws is never run again
            }
        }

        private static Status read() {
            Snapshot now = READER.read();   // never stops the world: thread states without stacks
            return new Status(
                    (long) orZero(now.value("jvm.memory.used", "jvm.memory.type", "heap")),
                    (long) orZero(now.value("jvm.memory.committed", "jvm.memory.type", "heap")),
                    (long) orZero(now.value("jvm.thread.count")),
                    (long) orZero(now.value("jvm.thread.count", "jvm.thread.state", "blocked")),
                    orZero(now.value("jvm.cpu.recent_utilization")),
                    RUNTIME.getUptime());
        }

        /** A thread count of zero has no attribute set and reads as NaN. */
        private static double orZero(double value) {
            return Double.isNaN(value) ? 0.0 : value;
        }
    }

    public StatusPage() {
        Refresher.ensureStarted();   // the first page of the JVM starts the shared refresher
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        Status s = Refresher.latest;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.liveThreads(), s.blockedThreads(), s.cpuLoad(),
                s.uptimeMillis());
    }

    /**
     * Stops whatever the page started. The refresher is the JVM's, shared with every other page, and its thread is a
     * daemon that never keeps the JVM alive: this page has nothing of its own to stop.
     */
    @Override
    public void close() {}
}
