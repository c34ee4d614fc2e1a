package lesson1;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Exercise {@code fix-hot-path} (lesson 1): the status handler of the {@code hot-polling} demo, fixed: the
 * runtime state is read on a timer thread and served from memory.
 */
public class StatusPage implements AutoCloseable {

    private static final long REFRESH_MILLIS = 50;

    /** One reading of the runtime, published whole. */
    private record State(long heapUsed, long heapCommitted, long liveThreads, long blockedThreads,
                         double processCpuLoad, long uptimeMillis) {}

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads =
            ManagementFactory.getPlatformMXBean(com.sun.management.ThreadMXBean.class);
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final int processors = Runtime.getRuntime().availableProcessors();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "status-page-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** Only the timer thread touches these two. */
    private Map<Long, Long> cpuByThread = new HashMap<>();
    private long lastReadNanos;

    private volatile State state;

    public StatusPage() {
        // The first window runs from the JVM's start: every thread's CPU time so far, over the uptime.
        lastReadNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(runtime.getUptime());
        state = readState();
        timer.scheduleAtFixedRate(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The JSON body answering one status request. */
    public String render(String requestId) {
        State s = state;
        return String.format(Locale.ROOT,
                "{\"request\":\"%s\",\"heapUsedBytes\":%d,\"heapCommittedBytes\":%d,\"liveThreads\":%d,"
                        + "\"blockedThreads\":%d,\"processCpuLoad\":%.3f,\"uptimeMillis\":%d}",
                requestId, s.heapUsed(), s.heapCommitted(), s.liveThreads(), s.blockedThreads(),
                s.processCpuLoad(), s.uptimeMillis());
    }

    private void refresh() {
        try {
            state = readState();
        } catch (RuntimeException e) {
            // Keep serving the last state; a task that throws would never run again.
        }
    }

    /** Reads that stop no one: heap usage, thread states and CPU times without stacks, uptime. */
    private State readState() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] cpuNanos = threads.getThreadCpuTime(ids);
        long now = System.nanoTime();

        long live = 0;
        long blocked = 0;
        long cpuUsed = 0;
        Map<Long, Long> cpuNow = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;   // ended after it was listed
            }
            live++;
            if (infos[i].getThreadState() == Thread.State.BLOCKED) {
                blocked++;
            }
            if (cpuNanos[i] >= 0) {
                Long before = cpuByThread.get(ids[i]);
                cpuUsed += cpuNanos[i] - (before == null ? 0 : before);   // a new thread: all its CPU is in the window
                cpuNow.put(ids[i], cpuNanos[i]);
            }
        }
        long elapsed = Math.max(1, now - lastReadNanos);
        double load = Math.min(1.0, Math.max(0.0, cpuUsed / ((double) elapsed * processors)));
        cpuByThread = cpuNow;
        lastReadNanos = now;
        return new State(heap.getUsed(), heap.getCommitted(), live, blocked, load, runtime.getUptime());
    }

    /** Stops whatever the page started. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
