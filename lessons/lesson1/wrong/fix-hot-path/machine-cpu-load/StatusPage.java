/* Misconception: OperatingSystemMXBean.getCpuLoad(), the non-deprecated name since JDK 14, is the container-aware successor of getProcessCpuLoad(), so the timer fills processCpuLoad from it.
   Why plausible: the lesson's table says the OperatingSystemMXBean gives "process and system CPU load", the stub already holds that bean, and getCpuLoad() reads like a plain "CPU load" that replaced an older getter; it is cheap on a 50 ms timer, as "Keep it off the hot path" asks.
   What it gets wrong: getCpuLoad() is the share of the whole machine (or container) that is busy, every process included, not the share this JVM uses; it agrees with the process's load only when this JVM is the only busy process on the machine, and reports a busy machine while the service idles as soon as another process (a build, a second JVM) takes the CPU. */
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler, reading the runtime state on a timer and
 * serving it from memory.
 */
public class StatusPage implements AutoCloseable {

    private static final long PERIOD_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();

    /** One reading of every runtime figure the page serves, taken together. */
    private record Status(long heapUsed, long heapCommitted, int liveThreads, long blockedThreads,
                          double cpuLoad, long uptimeMillis) {}

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("status-page-refresh").factory());

    private volatile Status latest;

    public StatusPage() {
        latest = read();
        timer.scheduleAtFixedRate(this::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        Status s = latest;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.liveThreads(), s.blockedThreads(), s.cpuLoad(),
                s.uptimeMillis());
    }

    private void refresh() {
        try {
            latest = read();
        } catch (RuntimeException e) {
            // keep serving the last reading; a task that throws would never run again
        }
    }

    private Status read() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        // depth 0: states only, no stacks, no safepoint
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        int live = 0;
        long blocked = 0;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;   // ended between listing and reading
            }
            live++;
            if (info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        double cpu = Math.max(0.0, os.getCpuLoad());
        return new Status(heap.getUsed(), heap.getCommitted(), live, blocked, cpu, runtime.getUptime());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
