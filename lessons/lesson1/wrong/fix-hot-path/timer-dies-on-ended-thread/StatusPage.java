/* Misconception: a ScheduledExecutorService keeps running its periodic task no matter what; swapping
 *   dumpAllThreads(true, true) for getThreadInfo(ids) and keeping the same stream filter is enough.
 * Why plausible: it follows the "read on a timer, serve from memory" hint to the letter, stops no one, and
 *   the original filter never met a null (a dump only lists live threads), so it works on every quick try.
 * What it gets wrong: getThreadInfo(ids) gives null for a thread that ended after getAllThreadIds(); the
 *   filter then throws NullPointerException, the executor silently cancels the periodic task, and every
 *   figure (uptime included) freezes for good as soon as threads come and go.
 */
package lesson1;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the runtime state is read on a timer thread every 50 ms and
 * published through a volatile field; render() only formats the latest values.
 */
public class StatusPage implements AutoCloseable {

    private static final long REFRESH_MILLIS = 50;

    /** One consistent reading of the runtime state. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double cpuLoad, long uptimeMillis) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-page-refresher");
        thread.setDaemon(true);
        return thread;
    });

    private volatile State state;

    public StatusPage() {
        state = read();
        refresher.scheduleAtFixedRate(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        state = read();
    }

    private State read() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        // States only, no stacks: getThreadInfo(ids) without a depth does not stop the world.
        ThreadInfo[] all = threads.getThreadInfo(threads.getAllThreadIds());
        long blocked = Arrays.stream(all)
                .filter(t -> t.getThreadState() == Thread.State.BLOCKED)
                .count();
        return new State(heap.getUsed(), heap.getCommitted(), all.length, blocked,
                os.getProcessCpuLoad(), runtime.getUptime());
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State now = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, now.heapUsed(), now.heapCommitted(), now.liveThreads(), now.blockedThreads(),
                now.cpuLoad(), now.uptimeMillis());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
