// Wrong answer: drops the blockedThreads field, whose thread dump was the expensive part, and reads the rest cheaply on the request path.
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

public class StatusPage implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    public String render(String requestId) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, heap.getUsed(), heap.getCommitted(), threads.getThreadCount(), os.getProcessCpuLoad(),
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    @Override
    public void close() {}
}
