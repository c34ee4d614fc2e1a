package workbench.diagnostics.metrics;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.hsperf.PerfData;
import workbench.diagnostics.target.Target;

/**
 * Reads every metric of the catalogue from one target, reusing what does not change between reads
 * (bean lists, attribute sets, the mapped performance counters). Keep one per target when reading often;
 * {@link Metrics#read(Target)} builds a new one each time.
 *
 * <pre>{@code
 * try (MetricReader reader = Metrics.reader(target)) {
 *     Snapshot before = reader.read();
 *     Thread.sleep(1000);
 *     Snapshot after = reader.read();
 *     System.out.println(after.value("jvm.cpu.time") - before.value("jvm.cpu.time") + " s of CPU");
 * }
 * }</pre>
 *
 * <p>A read never stops the world: thread states come from one {@code getThreadInfo(ids, 0)} call,
 * which takes no stacks, and safepoint counters from the memory-mapped hsperfdata file. Thread-safe;
 * closing it does not close the target.
 */
public final class MetricReader implements AutoCloseable {

    private static final Thread.State[] STATES = Thread.State.values();

    private final Target target;
    private final List<PoolReader> pools = new ArrayList<>();
    private final List<CollectorReader> collectors = new ArrayList<>();
    private final List<BufferReader> buffers = new ArrayList<>();
    private final Attributes[] threadAttributes = new Attributes[STATES.length * 2];
    private final PerfData perf;
    private final CpuUtilization cpuUtilization;

    private record PoolReader(MemoryPoolMXBean bean, Attributes attributes) {}

    private record CollectorReader(GarbageCollectorMXBean bean, Attributes attributes) {}

    private record BufferReader(BufferPoolMXBean bean, Attributes attributes) {}

    MetricReader(Target target) {
        this.target = target;
        for (MemoryPoolMXBean pool : target.memoryPools()) {
            String type = pool.getType() == MemoryType.HEAP ? "heap" : "non_heap";
            pools.add(new PoolReader(pool, Attributes.of(Catalogue.POOL, pool.getName(), Catalogue.MEMORY_TYPE, type)));
        }
        for (GarbageCollectorMXBean collector : target.garbageCollectors()) {
            String name = collector.getName();
            collectors.add(new CollectorReader(collector,
                    Attributes.of(Catalogue.GC_NAME, name, Catalogue.GC_ACTION, GcActions.of(name))));
        }
        for (BufferPoolMXBean buffer : target.bufferPools()) {
            buffers.add(new BufferReader(buffer, Attributes.of(Catalogue.BUFFER_POOL, buffer.getName())));
        }
        for (Thread.State state : STATES) {
            for (int daemon = 0; daemon < 2; daemon++) {
                threadAttributes[state.ordinal() * 2 + daemon] = Attributes.of(
                        Catalogue.THREAD_STATE, state.name().toLowerCase(java.util.Locale.ROOT),
                        Catalogue.THREAD_DAEMON, Boolean.toString(daemon == 1));
            }
        }
        this.perf = openPerfData(target.pid());
        this.cpuUtilization = target.isCurrent()
                ? new CpuUtilization(target.operatingSystem(), target.operatingSystem().getAvailableProcessors())
                : null;
    }

    /** Performance counters are optional: a JVM run with -XX:-UsePerfData simply has no safepoint metrics. */
    private static PerfData openPerfData(long pid) {
        try {
            return PerfData.open(pid);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The target this reader reads. */
    public Target target() {
        return target;
    }

    /** Reads every metric now. */
    public Snapshot read() {
        Snapshot.Builder out = new Snapshot.Builder(Instant.now(), target.pid());
        readMemory(out);
        readGc(out);
        readThreads(out);
        readClasses(out);
        readCpu(out);
        readBuffers(out);
        readPerfCounters(out);
        return out.build();
    }

    private void readMemory(Snapshot.Builder out) {
        for (PoolReader pool : pools) {
            MemoryUsage usage = pool.bean().getUsage();
            if (usage == null) {
                continue;   // the pool became invalid
            }
            out.add(Catalogue.MEMORY_USED, pool.attributes(), usage.getUsed());
            out.add(Catalogue.MEMORY_COMMITTED, pool.attributes(), usage.getCommitted());
            if (usage.getMax() >= 0) {
                out.add(Catalogue.MEMORY_LIMIT, pool.attributes(), usage.getMax());
            }
            MemoryUsage afterGc = pool.bean().getCollectionUsage();
            if (afterGc != null) {
                out.add(Catalogue.MEMORY_USED_AFTER_GC, pool.attributes(), afterGc.getUsed());
            }
        }
        long allocated = totalAllocatedBytes();
        if (allocated >= 0) {
            out.add(Catalogue.MEMORY_ALLOCATED, Attributes.EMPTY, allocated);
        }
    }

    /** -1 when unsupported: allocation accounting switched off, or a remote JVM older than 21. */
    private long totalAllocatedBytes() {
        try {
            return target.threads().getTotalThreadAllocatedBytes();
        } catch (UnsupportedOperationException | java.lang.reflect.UndeclaredThrowableException e) {
            return -1;
        }
    }

    private void readGc(Snapshot.Builder out) {
        for (CollectorReader collector : collectors) {
            long count = collector.bean().getCollectionCount();
            long millis = collector.bean().getCollectionTime();
            if (count >= 0) {
                out.addHistogram(Catalogue.GC_DURATION, collector.attributes(), Math.max(millis, 0) / 1e3, count);
            }
        }
    }

    /** One getThreadInfo call with depth 0: states and daemon flags without stacks, so no safepoint. */
    private void readThreads(Snapshot.Builder out) {
        ThreadMXBean threads = target.threads();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds(), 0);
        long[] counts = new long[threadAttributes.length];
        for (ThreadInfo info : infos) {
            if (info != null) {   // null: the thread ended between the two calls
                counts[info.getThreadState().ordinal() * 2 + (info.isDaemon() ? 1 : 0)]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.add(Catalogue.THREAD_COUNT, threadAttributes[i], counts[i]);
            }
        }
        out.add(Catalogue.THREAD_STARTED, Attributes.EMPTY, threads.getTotalStartedThreadCount());
    }

    private void readClasses(Snapshot.Builder out) {
        ClassLoadingMXBean classes = target.classLoading();
        out.add(Catalogue.CLASS_LOADED, Attributes.EMPTY, classes.getTotalLoadedClassCount());
        out.add(Catalogue.CLASS_UNLOADED, Attributes.EMPTY, classes.getUnloadedClassCount());
        out.add(Catalogue.CLASS_COUNT, Attributes.EMPTY, classes.getLoadedClassCount());
    }

    private void readCpu(Snapshot.Builder out) {
        OperatingSystemMXBean os = target.operatingSystem();
        long cpuNanos = os.getProcessCpuTime();
        if (cpuNanos >= 0) {
            out.add(Catalogue.CPU_TIME, Attributes.EMPTY, cpuNanos / 1e9);
        }
        out.add(Catalogue.CPU_COUNT, Attributes.EMPTY, os.getAvailableProcessors());
        // Remotely one JMX round trip is cheaper than computing it here from two.
        double load = cpuUtilization != null && cpuNanos >= 0
                ? cpuUtilization.at(System.nanoTime(), cpuNanos)
                : os.getProcessCpuLoad();
        if (load >= 0) {
            out.add(Catalogue.CPU_RECENT_UTILIZATION, Attributes.EMPTY, load);
        }
        double loadAverage = os.getSystemLoadAverage();
        if (loadAverage >= 0) {
            out.add(Catalogue.SYSTEM_LOAD_1M, Attributes.EMPTY, loadAverage);
        }
    }

    private void readBuffers(Snapshot.Builder out) {
        for (BufferReader buffer : buffers) {
            out.add(Catalogue.BUFFER_USED, buffer.attributes(), buffer.bean().getMemoryUsed());
            out.add(Catalogue.BUFFER_LIMIT, buffer.attributes(), buffer.bean().getTotalCapacity());
            out.add(Catalogue.BUFFER_COUNT, buffer.attributes(), buffer.bean().getCount());
        }
    }

    private void readPerfCounters(Snapshot.Builder out) {
        if (perf == null) {
            return;
        }
        perf.longValue("sun.rt.safepoints")
                .ifPresent(count -> out.add(Catalogue.SAFEPOINT_COUNT, Attributes.EMPTY, count));
        perf.seconds("sun.rt.safepointTime")
                .ifPresent(seconds -> out.add(Catalogue.SAFEPOINT_TIME, Attributes.EMPTY, seconds));
        perf.seconds("sun.rt.safepointSyncTime")
                .ifPresent(seconds -> out.add(Catalogue.SAFEPOINT_SYNC_TIME, Attributes.EMPTY, seconds));
        perf.longValue("sun.threads.total_gc_cpu_time")
                .ifPresent(nanos -> out.add(Catalogue.GC_CPU_TIME, Attributes.EMPTY, nanos / 1e9));
    }

    /** Unmaps the performance counters; the target stays open. Idempotent. */
    @Override
    public void close() {
        if (perf != null) {
            perf.close();
        }
    }
}
