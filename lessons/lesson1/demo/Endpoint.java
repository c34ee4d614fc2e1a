package lesson1.demo;

import java.util.Locale;

/**
 * What one endpoint of {@link MysteryService} does on every call: a runtime read, once or a few times, some plain
 * computation, and optionally an allocation that makes the garbage collector run every few calls.
 *
 * <p>Written as {@code READ:WORK_MILLIS:ALLOCATION:READS}, for example {@code THREAD_DUMP:18:NONE:2},
 * {@code HEAP_USAGE:0:CHURN:1} or {@code COLLECTED_HEAP_USAGE:20:STEADY:2-3}.
 *
 * @param read        the runtime read every call performs
 * @param workMillis  plain computation every call performs, which never stops the world
 * @param allocation  garbage every call leaves behind
 * @param fewestReads how many times the first call performs the read, as a handler that reads for each part of its
 *                    answer does
 * @param mostReads   the most times a call performs it: calls read {@code fewestReads} times, then one more, up to
 *                    this, and start again, as answers with more or fewer parts do
 */
public record Endpoint(RuntimeRead read, int workMillis, Allocation allocation, int fewestReads, int mostReads) {

    /** Garbage an endpoint leaves behind on every call. */
    public enum Allocation {
        /** Next to nothing. */
        NONE,
        /** Small arrays worth about 40% of the young generation: a young collection at least every third call. */
        CHURN,
        /** The same on every call, never a batch: a young collection in any three calls in a row, and never
         *  several within one call. */
        STEADY,
        /** One array too large for the young generation, 25 to 60% of the old generation's free space: a full
         *  collection on two calls of every three. */
        BULK
    }

    public Endpoint {
        if (workMillis < 0 || fewestReads < 1 || mostReads < fewestReads) {
            throw new IllegalArgumentException("work must not be negative, nor reads below one or out of order: "
                    + workMillis + ", " + fewestReads + "-" + mostReads);
        }
    }

    /** One read per call. */
    public Endpoint(RuntimeRead read, int workMillis, Allocation allocation) {
        this(read, workMillis, allocation, 1, 1);
    }

    /** How many times call number {@code call} (from 0) performs the read. */
    public int readsOnCall(long call) {
        return fewestReads + (int) (call % (mostReads - fewestReads + 1));
    }

    /**
     * Reads {@code READ:WORK_MILLIS:ALLOCATION:READS}, READS one number or {@code FEWEST-MOST}; left out from the
     * end, they mean no work, no allocation and one read.
     */
    public static Endpoint parse(String spec) {
        String[] parts = spec.split(":");
        String[] reads = (parts.length > 3 ? parts[3] : "1").split("-");
        return new Endpoint(RuntimeRead.valueOf(parts[0]),
                parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                parts.length > 2 ? Allocation.valueOf(parts[2].toUpperCase(Locale.ROOT)) : Allocation.NONE,
                Integer.parseInt(reads[0]), Integer.parseInt(reads[reads.length - 1]));
    }

    /** Whether every call brings the JVM to a safepoint. */
    public boolean stopsTheWorld() {
        return MysteryService.STOPS_THE_WORLD.contains(read);
    }

    /** The form {@link #parse} reads. */
    public String spec() {
        return read.name() + ":" + workMillis + ":" + allocation.name() + ":" + fewestReads
                + (mostReads > fewestReads ? "-" + mostReads : "");
    }
}
