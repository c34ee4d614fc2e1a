/*
 * Misconception: a time-to-live cache fixes the hot path: the expensive reads run at most once per 150 ms, so their cost no longer grows with the request rate, and values are never older than 150 ms.
 * Why a learner would believe it: it bounds staleness by time (not by traffic, like "every Nth request"), it makes the load test fast, and it needs no background thread to start or stop.
 * What is actually right: the refresh still runs on a request thread and still takes a full thread dump, so the JVM still stops the world several times a second with requests in flight; read on a timer off the request path, and read blocked threads from states without stacks.
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
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo.
 */
public class StatusPage implements AutoCloseable {

    private static final long TTL_NANOS = 150_000_000L;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName runtimeName = objectName("java.lang:type=Runtime");

    private record State(long readAt, long heapUsed, long heapCommitted, long live, long blocked,
                         double cpuLoad, long uptime) {}

    private volatile State cached;
    private final Object refreshLock = new Object();

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = current();
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.live(), s.blocked(), s.cpuLoad(), s.uptime());
    }

    /** The cached state, refreshed by whichever request finds it older than the TTL. */
    private State current() {
        State s = cached;
        if (s != null && System.nanoTime() - s.readAt() < TTL_NANOS) {
            return s;
        }
        synchronized (refreshLock) {
            s = cached;
            if (s == null || System.nanoTime() - s.readAt() >= TTL_NANOS) {
                s = readState();
                cached = s;
            }
            return s;
        }
    }

    private State readState() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        ThreadInfo[] all = threads.dumpAllThreads(true, true);
        long blocked = Arrays.stream(all)
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED)
                .count();
        return new State(System.nanoTime(), heap.getUsed(), heap.getCommitted(), all.length, blocked,
                os.getProcessCpuLoad(), uptimeMillis());
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

    /** Stops whatever the page started: nothing runs in the background. */
    @Override
    public void close() {}
}
