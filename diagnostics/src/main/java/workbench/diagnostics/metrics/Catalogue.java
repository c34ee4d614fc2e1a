package workbench.diagnostics.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every metric the library reads, in display order. Names follow OpenTelemetry's JVM conventions. */
final class Catalogue {

    static final String POOL = "jvm.memory.pool.name";
    static final String MEMORY_TYPE = "jvm.memory.type";
    static final String GC_NAME = "jvm.gc.name";
    static final String GC_ACTION = "jvm.gc.action";
    static final String THREAD_STATE = "jvm.thread.state";
    static final String THREAD_DAEMON = "jvm.thread.daemon";
    static final String BUFFER_POOL = "jvm.buffer.pool.name";

    static final Metric MEMORY_USED = gauge("jvm.memory.used", "By",
            "Memory used by a pool (MemoryPoolMXBean.getUsage().getUsed()).", POOL, MEMORY_TYPE);
    static final Metric MEMORY_COMMITTED = gauge("jvm.memory.committed", "By",
            "Memory the JVM has committed from the OS for a pool.", POOL, MEMORY_TYPE);
    static final Metric MEMORY_LIMIT = gauge("jvm.memory.limit", "By",
            "Maximum memory a pool may use, where the pool has a limit.", POOL, MEMORY_TYPE);
    static final Metric MEMORY_USED_AFTER_GC = gauge("jvm.memory.used_after_last_gc", "By",
            "Memory used by a pool right after the last collection that covered it (the live set).",
            POOL, MEMORY_TYPE);
    static final Metric MEMORY_ALLOCATED = counter("jvm.memory.allocated", "By",
            "Bytes allocated on the heap since the JVM started, by every thread, ended ones included"
                    + " (Go: /gc/heap/allocs:bytes).");
    static final Metric GC_DURATION = histogram("jvm.gc.duration", "s",
            "Time spent in collections, per collector; a concurrent collector's cycles are not pauses.",
            GC_NAME, GC_ACTION);
    static final Metric GC_CPU_TIME = counter("jvm.gc.cpu_time", "s",
            "CPU time used by the garbage collector's own threads (Go: /cpu/classes/gc/total:cpu-seconds).");
    static final Metric SAFEPOINT_COUNT = counter("jvm.safepoint.count", "{safepoint}",
            "Times the JVM stopped every Java thread (sun.rt.safepoints).");
    static final Metric SAFEPOINT_TIME = counter("jvm.safepoint.time", "s",
            "Time Java threads spent stopped at safepoints, reaching them included (Go: /sched/pauses/total/other).");
    static final Metric SAFEPOINT_SYNC_TIME = counter("jvm.safepoint.sync_time", "s",
            "Part of the safepoint time spent waiting for every thread to reach the safepoint.");
    static final Metric THREAD_COUNT = gauge("jvm.thread.count", "{thread}",
            "Live platform threads by state and daemon flag (Go: /sched/goroutines:goroutines).",
            THREAD_STATE, THREAD_DAEMON);
    static final Metric THREAD_STARTED = counter("jvm.thread.started", "{thread}",
            "Platform threads started since the JVM started (Go: /sched/goroutines-created:goroutines).");
    static final Metric CLASS_LOADED = counter("jvm.class.loaded", "{class}",
            "Classes loaded since the JVM started.");
    static final Metric CLASS_UNLOADED = counter("jvm.class.unloaded", "{class}",
            "Classes unloaded since the JVM started.");
    static final Metric CLASS_COUNT = gauge("jvm.class.count", "{class}",
            "Classes currently loaded.");
    static final Metric CPU_TIME = counter("jvm.cpu.time", "s",
            "CPU time used by the process (Go: /cpu/classes/total:cpu-seconds).");
    static final Metric CPU_COUNT = gauge("jvm.cpu.count", "{cpu}",
            "Processors available to the JVM (Go: /sched/gomaxprocs:threads).");
    static final Metric CPU_RECENT_UTILIZATION = gauge("jvm.cpu.recent_utilization", "1",
            "Recent CPU use of the process, 0 to 1 of all available processors.");
    static final Metric SYSTEM_LOAD_1M = gauge("jvm.system.cpu.load_1m", "{run_queue_item}",
            "The operating system's load average over the last minute.");
    static final Metric BUFFER_USED = gauge("jvm.buffer.memory.used", "By",
            "Memory used by direct or mapped buffers.", BUFFER_POOL);
    static final Metric BUFFER_LIMIT = gauge("jvm.buffer.memory.limit", "By",
            "Total capacity of direct or mapped buffers.", BUFFER_POOL);
    static final Metric BUFFER_COUNT = gauge("jvm.buffer.count", "{buffer}",
            "Number of direct or mapped buffers.", BUFFER_POOL);

    static final List<Metric> ALL = List.of(
            MEMORY_USED, MEMORY_COMMITTED, MEMORY_LIMIT, MEMORY_USED_AFTER_GC, MEMORY_ALLOCATED,
            GC_DURATION, GC_CPU_TIME, SAFEPOINT_COUNT, SAFEPOINT_TIME, SAFEPOINT_SYNC_TIME,
            THREAD_COUNT, THREAD_STARTED, CLASS_LOADED, CLASS_UNLOADED, CLASS_COUNT,
            CPU_TIME, CPU_COUNT, CPU_RECENT_UTILIZATION, SYSTEM_LOAD_1M,
            BUFFER_USED, BUFFER_LIMIT, BUFFER_COUNT);

    static final Map<String, Metric> BY_NAME = byName();

    private static final Map<Metric, Integer> INDEX = index();

    private Catalogue() {}

    private static Map<String, Metric> byName() {
        Map<String, Metric> map = new LinkedHashMap<>();
        ALL.forEach(metric -> map.put(metric.name(), metric));
        return Map.copyOf(map);
    }

    /** Position in the catalogue; identity-based, since every metric is one of the constants above. */
    static int indexOf(Metric metric) {
        return INDEX.get(metric);
    }

    private static Map<Metric, Integer> index() {
        Map<Metric, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            index.put(ALL.get(i), i);
        }
        return index;
    }

    private static Metric gauge(String name, String unit, String description, String... attributes) {
        return new Metric(name, unit, Kind.GAUGE, description, List.of(attributes));
    }

    private static Metric counter(String name, String unit, String description, String... attributes) {
        return new Metric(name, unit, Kind.COUNTER, description, List.of(attributes));
    }

    private static Metric histogram(String name, String unit, String description, String... attributes) {
        return new Metric(name, unit, Kind.HISTOGRAM, description, List.of(attributes));
    }
}
