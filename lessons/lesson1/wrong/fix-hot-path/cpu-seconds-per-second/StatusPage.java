package lesson1;

// Misconception: the process's CPU load is the CPU time it used divided by the wall time that passed; that is
// processor-seconds a second, up to the number of processors, not the share of the machine getProcessCpuLoad gives.

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public class StatusPage implements AutoCloseable {

    private record Reading(long heapUsed, long heapCommitted, int live, long blocked, double cpuLoad) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-reader");
        t.setDaemon(true);
        return t;
    });
    private long lastCpuNanos = os.getProcessCpuTime();
    private long lastWallNanos = System.nanoTime();
    private volatile Reading latest = read();

    public StatusPage() {
        timer.scheduleAtFixedRate(() -> latest = read(), 50, 50, TimeUnit.MILLISECONDS);
    }

    private Reading read() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long blocked = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(Objects::nonNull)
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED).count();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        double load = wall > lastWallNanos ? (cpu - lastCpuNanos) / (double) (wall - lastWallNanos) : 0;
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return new Reading(heap.getUsed(), heap.getCommitted(), threads.getThreadCount(), blocked, load);
    }

    public String render(String requestId) {
        Reading r = latest;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, r.heapUsed(), r.heapCommitted(), r.live(), r.blocked(), r.cpuLoad(),
                ManagementFactory.getRuntimeMXBean().getUptime());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
