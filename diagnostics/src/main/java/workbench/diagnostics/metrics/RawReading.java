package workbench.diagnostics.metrics;

import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.time.Instant;

/**
 * The raw values of one read, indexed like the target's pool, collector and buffer lists. A value the JVM
 * does not offer is {@code null} (usages) or negative (counts and times). {@code at} is when the counters that
 * rates are made of (bytes allocated, CPU time) were read: a read takes a while, and a rate over a short tick is
 * only as exact as the time it is divided by.
 */
record RawReading(
        Instant at,
        MemoryUsage[] poolUsage,
        MemoryUsage[] poolUsageAfterGc,
        long[] gcCount,
        long[] gcMillis,
        ThreadInfo[] threads,
        long threadsStarted,
        long allocatedBytes,
        long classesLoadedTotal,
        long classesUnloaded,
        long classesLoaded,
        long processCpuNanos,
        int processors,
        double cpuUtilization,
        double loadAverage,
        long[] bufferUsed,
        long[] bufferCapacity,
        long[] bufferCount) {}
