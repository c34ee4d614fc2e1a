package lesson5.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A cache that fills at a pace, by the clock, up to a cap: a heap leak, or a cache warming up. Its pace may change
 * while it fills, as a leak's does when the traffic that feeds it changes, and it may start again from nothing.
 */
final class GrowingCache {

    private static final double MB = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private final long cap;
    private double mbPerSecond;
    /** What the cache was due to hold at {@link #since}, and when that was: it grows from there. */
    private long base;
    private long since;

    GrowingCache(double mbPerSecond, long cap, long now) {
        this.mbPerSecond = mbPerSecond;
        this.cap = cap;
        this.since = now;
    }

    /** Adds what the pace makes due by {@code now}. */
    synchronized void grow(long now) {
        WatchedService.fill(chunks, due(now) - bytes());
    }

    /** Empties the cache, which grows again from {@code now}, as after a restart. */
    synchronized void restart(long now) {
        chunks.clear();
        base = 0;
        since = now;
    }

    /** Grows at {@code mbPerSecond} from {@code now} on, from what was due by then. */
    synchronized void pace(double mbPerSecond, long now) {
        base = due(now);
        since = now;
        this.mbPerSecond = mbPerSecond;
    }

    synchronized long bytes() {
        return (long) chunks.size() * WatchedService.CHUNK;
    }

    synchronized void clear() {
        chunks.clear();
    }

    private long due(long now) {
        return Math.min(cap, base + (long) (mbPerSecond * MB * (now - since) / 1000));
    }
}
