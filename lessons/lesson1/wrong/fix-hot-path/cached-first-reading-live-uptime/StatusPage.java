/*
 * Misconception: apart from uptime, a status page's runtime values are slow-moving enough to read once at startup and serve from memory forever, as long as uptime itself is kept exact.
 * Why a learner would believe it: "serve from memory" is the cure the lesson names, the only field that visibly changes between two quick requests is uptimeMillis, and computing uptime from a start time costs nothing.
 * What is actually right: serving from memory needs a background refresh (every 50 to 100 ms) so heap, thread and CPU values stay within the 200 ms staleness bound; caching the first reading forever is fast and it lies.
 */
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
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

    /** Everything the page reports except uptime, read once without stopping the world. */
    private record State(long heapUsed, long heapCommitted, long live, long blocked, double cpuLoad) {}

    private final State state;
    private final long uptimeAtStart;
    private final long nanosAtStart;

    public StatusPage() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        ThreadInfo[] all = threads.getThreadInfo(threads.getAllThreadIds());   // states only, no stacks
        long live = 0;
        long blocked = 0;
        for (ThreadInfo info : all) {
            if (info != null) {
                live++;
                if (info.getThreadState() == Thread.State.BLOCKED) {
                    blocked++;
                }
            }
        }
        state = new State(heap.getUsed(), heap.getCommitted(), live, blocked, os.getProcessCpuLoad());
        nanosAtStart = System.nanoTime();
        uptimeAtStart = uptimeMillis();
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;
        long uptime = uptimeAtStart + (System.nanoTime() - nanosAtStart) / 1_000_000;   // exact, no read at all
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.live(), s.blocked(), s.cpuLoad(), uptime);
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
