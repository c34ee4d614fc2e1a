// Wrong answer: keeps the expensive reads on the request path but only on every 64th request; rarer, yet each of those requests still stops the world.
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

public class StatusPage implements AutoCloseable {

    private static final int EVERY = 64;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final AtomicLong requests = new AtomicLong();
    private volatile String fields;

    public String render(String requestId) {
        if (requests.getAndIncrement() % EVERY == 0 || fields == null) {
            MemoryUsage heap = memory.getHeapMemoryUsage();
            ThreadInfo[] all = threads.dumpAllThreads(true, true);
            long blocked = Arrays.stream(all).filter(t -> t.getThreadState() == Thread.State.BLOCKED).count();
            fields = String.format(Locale.ROOT,
                    "\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                            + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                    heap.getUsed(), heap.getCommitted(), all.length, blocked, os.getProcessCpuLoad(),
                    ManagementFactory.getRuntimeMXBean().getUptime());
        }
        return "{\"request\":\"" + requestId + "\"," + fields;
    }

    @Override
    public void close() {}
}
