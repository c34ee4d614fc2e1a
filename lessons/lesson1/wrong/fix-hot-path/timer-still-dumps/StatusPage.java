/*
 * Misconception: once the reads run on a background timer they are off the request path and therefore free, so the original reads (full thread dump included) can simply be moved into the refresh task.
 * Why a learner would believe it: "read on a timer, serve from memory" is the lesson's cure, requests no longer wait for the dump themselves, and the throughput jumps far beyond 5x.
 * What is actually right: a safepoint stops every thread, request threads included, wherever it is requested from; the refresh must use reads that stop no one (thread states without stacks, or the library's jvm.thread.count by state).
 */
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo.
 */
public class StatusPage implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName runtimeName = objectName("java.lang:type=Runtime");

    private record State(long heapUsed, long heapCommitted, long live, long blocked, double cpuLoad, long uptime) {}

    private volatile State state;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-refresher");
        t.setDaemon(true);
        return t;
    });

    public StatusPage() {
        state = readState();
        refresher.scheduleAtFixedRate(() -> state = readState(), 100, 100, TimeUnit.MILLISECONDS);
    }

    /** The same reads as before, now on the refresher thread instead of the request thread. */
    private State readState() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        ThreadInfo[] all = threads.dumpAllThreads(true, true);
        long blocked = Arrays.stream(all)
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED)
                .count();
        return new State(heap.getUsed(), heap.getCommitted(), all.length, blocked, os.getProcessCpuLoad(),
                uptimeMillis());
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.live(), s.blocked(), s.cpuLoad(), s.uptime());
    }

    private long uptimeMillis() {
        try {
            return (Long) server.getAttribute(runtimeName, "Uptime");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
