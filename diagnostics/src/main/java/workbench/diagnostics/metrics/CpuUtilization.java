package workbench.diagnostics.metrics;

import com.sun.management.OperatingSystemMXBean;

/**
 * Recent process CPU utilization from two readings of the process CPU time, over a window of one to two
 * seconds. {@code OperatingSystemMXBean.getProcessCpuLoad()} gives the same figure but reads several
 * files under /proc and the cgroup tree on each call (about 100 µs), too slow for every snapshot; it is
 * only the fallback until the first window has passed.
 */
final class CpuUtilization {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final OperatingSystemMXBean os;
    private final int processors;
    private long olderTime;
    private long olderCpu;
    private long newerTime;
    private long newerCpu;

    CpuUtilization(OperatingSystemMXBean os, int processors) {
        this.os = os;
        this.processors = processors;
        this.olderTime = System.nanoTime();
        this.olderCpu = os.getProcessCpuTime();
        this.newerTime = olderTime;
        this.newerCpu = olderCpu;
    }

    /** Utilization in [0, 1] of all processors, given the process CPU time read just now. */
    synchronized double at(long now, long cpuNanos) {
        if (now - newerTime >= WINDOW_NANOS) {
            olderTime = newerTime;
            olderCpu = newerCpu;
            newerTime = now;
            newerCpu = cpuNanos;
        }
        long elapsed = now - olderTime;
        if (elapsed < WINDOW_NANOS || olderCpu < 0) {
            return os.getProcessCpuLoad();
        }
        double utilization = (cpuNanos - olderCpu) / ((double) elapsed * processors);
        return Math.clamp(utilization, 0.0, 1.0);
    }
}
