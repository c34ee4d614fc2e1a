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

    private static final long PERIOD_MILLIS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();

    /** Everything a response needs, read together on the timer thread. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double cpuLoad, long uptimeMillis) {}

    // The timer fills this in on its first tick; until then the page reports an empty state.
    private volatile State state = new State(0, 0, 0, 0, 0.0, 0);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("status-page-refresh").factory());

    public StatusPage() {
        timer.scheduleAtFixedRate(this::refresh, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
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
            state = new State(heap.getUsed(), heap.getCommitted(), live, blocked,
                    os.getProcessCpuLoad(), runtime.getUptime());
        } catch (RuntimeException e) {
            // keep the last good state; the next tick tries again
        }
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.liveThreads(), s.blockedThreads(),
                s.cpuLoad(), s.uptimeMillis());
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
