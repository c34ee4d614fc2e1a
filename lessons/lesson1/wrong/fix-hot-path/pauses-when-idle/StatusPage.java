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
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo, fixed: the
 * runtime state is read on a timer thread and served from memory.
 */
public class StatusPage implements AutoCloseable {

    /** Well inside the 200 ms promise, far from a millisecond timer. */
    private static final long REFRESH_MILLIS = 50;
    /** After this long without a request, nobody is looking: the timer stops reading until someone asks again. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** One reading of the runtime, published whole. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double processCpuLoad, long uptimeMillis) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-page-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State state;
    private volatile long lastRequestNanos = System.nanoTime();

    public StatusPage() {
        state = readState();
        timer.scheduleAtFixedRate(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        lastRequestNanos = System.nanoTime();
        State s = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.liveThreads(), s.blockedThreads(),
                s.processCpuLoad(), s.uptimeMillis());
    }

    private void refresh() {
        if (System.nanoTime() - lastRequestNanos > IDLE_NANOS) {
            return;   // idle: no reads at all until requests come back; the next tick picks them up
        }
        try {
            state = readState();
        } catch (RuntimeException e) {
            // Keep serving the last state; a task that throws would never run again.
        }
    }

    /** Reads that stop no one: heap usage, thread states without stacks, CPU load, uptime. */
    private State readState() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        ThreadInfo[] all = threads.getThreadInfo(threads.getAllThreadIds());
        long live = 0;
        long blocked = 0;
        for (ThreadInfo info : all) {
            if (info == null) {
                continue;   // ended after it was listed
            }
            live++;
            if (info.getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
        }
        return new State(heap.getUsed(), heap.getCommitted(), live, blocked, os.getProcessCpuLoad(),
                runtime.getUptime());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
