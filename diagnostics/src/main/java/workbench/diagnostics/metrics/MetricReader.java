package workbench.diagnostics.metrics;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.util.Locale;
import workbench.diagnostics.hsperf.PerfData;
import workbench.diagnostics.target.Target;

/**
 * Reads every metric of the catalogue from one target, reusing what does not change between reads
 * (bean lists, attribute sets, the mapped performance counters). Keep one per target when reading often;
 * {@link Metrics#read(Target)} builds a new one each time.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="reader"}
 *
 * <p>A read never stops the world: thread states come from one {@code getThreadInfo(ids, 0)} call,
 * which takes no stacks, and safepoint counters from the memory-mapped hsperfdata file. An attached
 * target is read with one JMX round trip per MBean. Thread-safe; closing it does not close the target.
 */
public final class MetricReader implements AutoCloseable {

    private static final Thread.State[] STATES = Thread.State.values();

    private final Target target;
    private final RawSource source;
    private final Attributes[] poolAttributes;
    private final Attributes[] collectorAttributes;
    private final Attributes[] bufferAttributes;
    private final Attributes[] threadAttributes = new Attributes[STATES.length * 2];
    private final PerfData perf;

    MetricReader(Target target) {
        this.target = target;
        this.source = target.isCurrent() ? new LocalSource(target) : new JmxSource(target);
        this.poolAttributes = target.memoryPools().stream().map(MetricReader::attributes).toArray(Attributes[]::new);
        this.collectorAttributes =
                target.garbageCollectors().stream().map(MetricReader::attributes).toArray(Attributes[]::new);
        this.bufferAttributes = target.bufferPools().stream().map(MetricReader::attributes).toArray(Attributes[]::new);
        for (Thread.State state : STATES) {
            for (int daemon = 0; daemon < 2; daemon++) {
                threadAttributes[state.ordinal() * 2 + daemon] = Attributes.of(
                        Catalogue.THREAD_STATE, state.name().toLowerCase(Locale.ROOT),
                        Catalogue.THREAD_DAEMON, Boolean.toString(daemon == 1));
            }
        }
        this.perf = openPerfData(target.pid());
    }

    private static Attributes attributes(MemoryPoolMXBean pool) {
        String type = pool.getType() == MemoryType.HEAP ? "heap" : "non_heap";
        return Attributes.of(Catalogue.POOL, pool.getName(), Catalogue.MEMORY_TYPE, type);
    }

    private static Attributes attributes(GarbageCollectorMXBean collector) {
        String name = collector.getName();
        return Attributes.of(Catalogue.GC_NAME, name, Catalogue.GC_ACTION, GcActions.of(name));
    }

    private static Attributes attributes(BufferPoolMXBean buffer) {
        return Attributes.of(Catalogue.BUFFER_POOL, buffer.getName());
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

    /**
     * Reads every metric now.
     *
     * @throws workbench.diagnostics.target.TargetGoneException when an attached JVM can no longer be reached
     */
    public Snapshot read() {
        RawReading raw = source.read();
        Snapshot.Builder out = new Snapshot.Builder(raw.at(), target.pid());
        addMemory(out, raw);
        addGc(out, raw);
        addThreads(out, raw);
        addClassesAndCpu(out, raw);
        addBuffers(out, raw);
        addPerfCounters(out);
        return out.build();
    }

    private void addMemory(Snapshot.Builder out, RawReading raw) {
        for (int i = 0; i < poolAttributes.length; i++) {
            MemoryUsage usage = raw.poolUsage()[i];
            if (usage == null) {
                continue;   // the pool became invalid
            }
            out.add(Catalogue.MEMORY_USED, poolAttributes[i], usage.getUsed());
            out.add(Catalogue.MEMORY_COMMITTED, poolAttributes[i], usage.getCommitted());
            if (usage.getMax() >= 0) {
                out.add(Catalogue.MEMORY_LIMIT, poolAttributes[i], usage.getMax());
            }
            MemoryUsage afterGc = raw.poolUsageAfterGc()[i];
            if (afterGc != null) {
                out.add(Catalogue.MEMORY_USED_AFTER_GC, poolAttributes[i], afterGc.getUsed());
            }
        }
        addIfKnown(out, Catalogue.MEMORY_ALLOCATED, raw.allocatedBytes());
    }

    private void addGc(Snapshot.Builder out, RawReading raw) {
        for (int i = 0; i < collectorAttributes.length; i++) {
            if (raw.gcCount()[i] >= 0) {
                out.addHistogram(Catalogue.GC_DURATION, collectorAttributes[i],
                        Math.max(raw.gcMillis()[i], 0) / 1e3, raw.gcCount()[i]);
            }
        }
    }

    private void addThreads(Snapshot.Builder out, RawReading raw) {
        long[] counts = new long[threadAttributes.length];
        for (ThreadInfo info : raw.threads()) {
            if (info != null) {   // null: the thread ended between listing and reading it
                counts[info.getThreadState().ordinal() * 2 + (info.isDaemon() ? 1 : 0)]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.add(Catalogue.THREAD_COUNT, threadAttributes[i], counts[i]);
            }
        }
        addIfKnown(out, Catalogue.THREAD_STARTED, raw.threadsStarted());
    }

    private void addClassesAndCpu(Snapshot.Builder out, RawReading raw) {
        addIfKnown(out, Catalogue.CLASS_LOADED, raw.classesLoadedTotal());
        addIfKnown(out, Catalogue.CLASS_UNLOADED, raw.classesUnloaded());
        addIfKnown(out, Catalogue.CLASS_COUNT, raw.classesLoaded());
        if (raw.processCpuNanos() >= 0) {
            out.add(Catalogue.CPU_TIME, Attributes.EMPTY, raw.processCpuNanos() / 1e9);
        }
        addIfKnown(out, Catalogue.CPU_COUNT, raw.processors());
        if (raw.cpuUtilization() >= 0) {
            out.add(Catalogue.CPU_RECENT_UTILIZATION, Attributes.EMPTY, raw.cpuUtilization());
        }
        if (raw.loadAverage() >= 0) {
            out.add(Catalogue.SYSTEM_LOAD_1M, Attributes.EMPTY, raw.loadAverage());
        }
    }

    private void addBuffers(Snapshot.Builder out, RawReading raw) {
        for (int i = 0; i < bufferAttributes.length; i++) {
            out.add(Catalogue.BUFFER_USED, bufferAttributes[i], raw.bufferUsed()[i]);
            out.add(Catalogue.BUFFER_LIMIT, bufferAttributes[i], raw.bufferCapacity()[i]);
            out.add(Catalogue.BUFFER_COUNT, bufferAttributes[i], raw.bufferCount()[i]);
        }
    }

    private static void addIfKnown(Snapshot.Builder out, Metric metric, long value) {
        if (value >= 0) {
            out.add(metric, Attributes.EMPTY, value);
        }
    }

    private void addPerfCounters(Snapshot.Builder out) {
        if (perf == null) {
            return;
        }
        perf.longValue("sun.rt.safepoints")
                .ifPresent(count -> out.add(Catalogue.SAFEPOINT_COUNT, Attributes.EMPTY, count));
        perf.seconds("sun.rt.safepointTime")
                .ifPresent(seconds -> out.add(Catalogue.SAFEPOINT_TIME, Attributes.EMPTY, seconds));
        perf.seconds("sun.rt.safepointSyncTime")
                .ifPresent(seconds -> out.add(Catalogue.SAFEPOINT_SYNC_TIME, Attributes.EMPTY, seconds));
        perf.seconds("sun.threads.total_gc_cpu_time")
                .ifPresent(seconds -> out.add(Catalogue.GC_CPU_TIME, Attributes.EMPTY, seconds));
    }

    /** Unmaps the performance counters; the target stays open. Idempotent. */
    @Override
    public void close() {
        if (perf != null) {
            perf.close();
        }
    }
}
