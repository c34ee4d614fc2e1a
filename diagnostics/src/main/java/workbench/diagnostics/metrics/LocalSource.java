package workbench.diagnostics.metrics;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.target.Target;

/** The current JVM's beans, called directly; CPU utilization computed from CPU time (see {@link CpuUtilization}). */
final class LocalSource implements RawSource {

    private final List<MemoryPoolMXBean> pools;
    private final List<GarbageCollectorMXBean> collectors;
    private final List<BufferPoolMXBean> buffers;
    private final ThreadMXBean threads;
    private final ClassLoadingMXBean classes;
    private final OperatingSystemMXBean os;
    private final CpuUtilization cpuUtilization;

    LocalSource(Target target) {
        this.pools = target.memoryPools();
        this.collectors = target.garbageCollectors();
        this.buffers = target.bufferPools();
        this.threads = target.threads();
        this.classes = target.classLoading();
        this.os = target.operatingSystem();
        this.cpuUtilization = new CpuUtilization(os, os.getAvailableProcessors());
    }

    @Override
    public RawReading read() {
        Instant at = Instant.now();
        long nanos = System.nanoTime();
        long allocated = allocatedBytes();
        long cpuNanos = os.getProcessCpuTime();
        MemoryUsage[] usage = new MemoryUsage[pools.size()];
        MemoryUsage[] afterGc = new MemoryUsage[pools.size()];
        for (int i = 0; i < usage.length; i++) {
            usage[i] = pools.get(i).getUsage();
            afterGc[i] = pools.get(i).getCollectionUsage();
        }
        long[] gcCount = new long[collectors.size()];
        long[] gcMillis = new long[collectors.size()];
        for (int i = 0; i < gcCount.length; i++) {
            gcCount[i] = collectors.get(i).getCollectionCount();
            gcMillis[i] = collectors.get(i).getCollectionTime();
        }
        long[] used = new long[buffers.size()];
        long[] capacity = new long[buffers.size()];
        long[] count = new long[buffers.size()];
        for (int i = 0; i < used.length; i++) {
            used[i] = buffers.get(i).getMemoryUsed();
            capacity[i] = buffers.get(i).getTotalCapacity();
            count[i] = buffers.get(i).getCount();
        }
        return new RawReading(at, usage, afterGc, gcCount, gcMillis,
                threads.getThreadInfo(threads.getAllThreadIds(), 0),   // depth 0: no stacks, no safepoint
                threads.getTotalStartedThreadCount(),
                allocated,
                classes.getTotalLoadedClassCount(), classes.getUnloadedClassCount(), classes.getLoadedClassCount(),
                cpuNanos, os.getAvailableProcessors(),
                cpuNanos >= 0 ? cpuUtilization.at(nanos, cpuNanos) : os.getProcessCpuLoad(),
                os.getSystemLoadAverage(),
                used, capacity, count);
    }

    private long allocatedBytes() {
        try {
            return threads.getTotalThreadAllocatedBytes();
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }
}
