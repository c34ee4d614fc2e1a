package lesson5.demo;

import java.util.ArrayList;
import java.util.List;

/** A cache that fills at a {@link DuePace} up to a cap: a heap leak, or a cache warming up. */
final class GrowingCache {

    private static final double MB = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private final long cap;
    /** In MB. */
    private final DuePace pace;

    GrowingCache(double mbPerSecond, long cap, long now) {
        this.pace = new DuePace(mbPerSecond, now);
        this.cap = cap;
    }

    /** Adds what the pace makes due by {@code now}. */
    synchronized void grow(long now) {
        WatchedService.fill(chunks, Math.min(cap, (long) (pace.due(now) * MB)) - bytes());
    }

    /** Empties the cache, which grows again from {@code now}, as after a restart. */
    synchronized void restart(long now) {
        clear();
        pace.restart(now);
    }

    /** Grows at {@code mbPerSecond} from {@code now} on, from what was due by then. */
    void pace(double mbPerSecond, long now) {
        pace.change(mbPerSecond, now);
    }

    synchronized long bytes() {
        return (long) chunks.size() * WatchedService.CHUNK;
    }

    /** Lets go of everything the cache holds. */
    synchronized void clear() {
        chunks.clear();
    }
}
