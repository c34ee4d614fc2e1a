package lesson1.checks;

import java.util.HashMap;
import java.util.Map;

/**
 * One reading {@link VitalsWorkload} took of itself: the true vital signs, and beside them the figures a wrong
 * answer would report instead (the heap after the last collection, the largest heap pool's limit, non-heap memory,
 * the peak and started thread counts, blocked threads by daemon flag, waiting threads).
 */
final class OwnReading {

    static final String HEAP_USED = "heapUsed";
    static final String HEAP_COMMITTED = "heapCommitted";
    static final String HEAP_LIMIT = "heapLimit";
    static final String HEAP_AFTER_GC = "heapAfterGc";
    static final String LARGEST_POOL_LIMIT = "largestPoolLimit";
    static final String NON_HEAP_USED = "nonHeapUsed";
    static final String NON_HEAP_COMMITTED = "nonHeapCommitted";
    static final String LIVE = "live";
    static final String DAEMON = "daemon";
    static final String PEAK = "peak";
    static final String STARTED = "started";
    static final String BLOCKED = "blocked";
    static final String BLOCKED_DAEMONS = "blockedDaemons";
    static final String BLOCKED_OTHERS = "blockedOthers";
    static final String WAITING = "waiting";

    private final Map<String, Long> values;

    private OwnReading(Map<String, Long> values) {
        this.values = values;
    }

    /** Reads a line {@link VitalsWorkload} printed. */
    static OwnReading parse(String line) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(VitalsWorkload.VITALS.length()).split(" ")) {
            String[] nameAndValue = pair.split("=", 2);
            values.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
        }
        return new OwnReading(values);
    }

    long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the workload reports no " + name);
        }
        return value;
    }
}
