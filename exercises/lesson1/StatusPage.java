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

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName runtimeName = objectName("java.lang:type=Runtime");

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        // TODO: this runs on every request. Move the reads off the request path (lesson 1, "Keep it off
        //  the hot path"), and read blocked threads without taking stacks or walking the heap.
        MemoryUsage heap = memory.getHeapMemoryUsage();
        ThreadInfo[] all = threads.dumpAllThreads(true, true);
        long blocked = Arrays.stream(all)
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED)
                .count();
        double cpuLoad = os.getProcessCpuLoad();
        long uptime = uptimeMillis();
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, heap.getUsed(), heap.getCommitted(), all.length, blocked, cpuLoad, uptime);
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
    public void close() {}
}
