package lesson1.demo;

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
 * The misbehaving status handler of the {@code hot-polling} demo: every request reads the JVM's state
 * the expensive way, right on the request path. Exercise {@code fix-hot-path} starts from a copy of it.
 *
 * <pre>{@code
 * try (StatusPage page = new StatusPage()) {
 *     System.out.println(page.render("r-1"));   // {"request":"r-1","heapUsedBytes":...}
 * }
 * }</pre>
 */
public class StatusPage implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName runtimeName = objectName("java.lang:type=Runtime");

    /** The JSON body answering one status request. */
    public String render(String requestId) {
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

    @Override
    public void close() {}
}
