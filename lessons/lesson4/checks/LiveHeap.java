package lesson4.checks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This JVM's heap as the {@code cheap-gauges} check sees it: what it held right after the last collection (the live
 * set, the truth), what it holds now (live data plus garbage not yet collected), and how many collections ran; and
 * the means to put garbage in it that no collection removes before a gauge is read.
 */
final class LiveHeap {

    /** Small enough to be allocated in the young generation (G1 allocates half a region or more elsewhere). */
    private static final int CHUNK = 64 * 1024;
    /** Garbage to allocate when the heap has no pool named after eden (a collector without one). */
    private static final long WITHOUT_EDEN = 16L * 1024 * 1024;

    private static volatile Object sink;

    private LiveHeap() {}

    /** What every heap pool held right after its last collection, summed. */
    static long afterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed)
                .sum();
    }

    /** What the heap holds now. */
    static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Collections so far, of every collector. */
    static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** About {@code bytes} of objects kept while the returned list is. */
    static List<byte[]> retain(long bytes) {
        List<byte[]> kept = new ArrayList<>();
        for (long filled = 0; filled < bytes; filled += CHUNK) {
            kept.add(new byte[CHUNK]);
        }
        return kept;
    }

    /**
     * Allocates garbage until a young collection runs, and returns how much garbage the young generation can take
     * after it without another: half of what eden held when it filled, for eden is sized about the same from one
     * young collection to the next. A full collection ({@code System.gc()}) leaves eden small for a while; a young
     * one right after it restores its usual size.
     */
    static long youngCollection() {
        Optional<MemoryPoolMXBean> eden = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")).findFirst();
        eden.ifPresent(MemoryPoolMXBean::resetPeakUsage);
        long before = collections();
        while (collections() == before) {
            sink = new byte[CHUNK];
        }
        sink = null;
        return eden.map(pool -> pool.getPeakUsage().getUsed() / 2).orElse(WITHOUT_EDEN);
    }

    /**
     * One array of {@code bytes} nobody keeps: G1 allocates an object of half a region or more in regions of its own
     * in the old generation, so this garbage is never in eden.
     */
    static void litterOutsideEden(long bytes) {
        sink = new byte[Math.toIntExact(bytes)];
        sink = null;
    }

    /** About {@code bytes} of objects nobody keeps: garbage until the next collection. */
    static void litter(long bytes) {
        for (long filled = 0; filled < bytes; filled += CHUNK) {
            sink = new byte[CHUNK];
        }
        sink = null;
    }
}
