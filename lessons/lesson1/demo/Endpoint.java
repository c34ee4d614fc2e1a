package lesson1.demo;

import java.util.Locale;

/**
 * What one endpoint of {@link MysteryService} does on every call: one runtime read, some plain computation, and
 * optionally an allocation that makes the garbage collector run every few calls.
 *
 * <p>Written as {@code READ:WORK_MILLIS:ALLOCATION}, for example {@code THREAD_DUMP:18:NONE} or
 * {@code HEAP_USAGE:0:CHURN}.
 *
 * @param read        the runtime read every call performs
 * @param workMillis  plain computation every call performs, which never stops the world
 * @param allocation  garbage every call leaves behind
 */
public record Endpoint(RuntimeRead read, int workMillis, Allocation allocation) {

    /** Garbage an endpoint leaves behind on every call. */
    public enum Allocation {
        /** Next to nothing. */
        NONE,
        /** Small arrays worth about 40% of the young generation: a young collection at least every third call. */
        CHURN,
        /** One array too large for the young generation, about 40% of the old generation's free space: a full
         *  collection every second call. */
        BULK
    }

    public Endpoint {
        if (workMillis < 0) {
            throw new IllegalArgumentException("work must not be negative: " + workMillis);
        }
    }

    /** Reads {@code READ:WORK_MILLIS:ALLOCATION}; a bare {@code READ} means no work and no allocation. */
    public static Endpoint parse(String spec) {
        String[] parts = spec.split(":");
        return new Endpoint(RuntimeRead.valueOf(parts[0]),
                parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                parts.length > 2 ? Allocation.valueOf(parts[2].toUpperCase(Locale.ROOT)) : Allocation.NONE);
    }

    /** Whether every call brings the JVM to a safepoint. */
    public boolean stopsTheWorld() {
        return MysteryService.STOPS_THE_WORLD.contains(read);
    }

    /** The form {@link #parse} reads. */
    public String spec() {
        return read.name() + ":" + workMillis + ":" + allocation.name();
    }
}
