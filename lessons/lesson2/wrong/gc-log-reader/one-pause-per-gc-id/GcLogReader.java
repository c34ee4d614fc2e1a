/*
 * Misconception: GC(n) identifies one pause, so records sharing an id are repeats of the same pause and only the last complete one should be kept.
 * Why a learner would believe it: with -Xlog:gc* a G1, Parallel or Serial pause really is logged twice under one id (the "gc,start" line, then the line with heap figures and duration), so keying by id looks like the way to de-duplicate.
 * What is actually right: GC(n) identifies a collection, and one collection can stop the application several times (G1's Pause Remark and Pause Cleanup, ZGC's Mark Start/Mark End/Relocate Start per generation, Shenandoah's Init Mark ... Final Update Refs); each "Pause ..." record with a duration is its own pause and they add up.
 */
package lesson2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise {@code gc-log-reader} (lesson 2): read the stop-the-world pauses out of a unified GC log, for
 * every HotSpot collector and whatever decorators the log was written with.
 */
public final class GcLogReader {

    /**
     * One stop-the-world pause.
     *
     * @param gcId     the collection it belongs to: the {@code n} of {@code GC(n)}
     * @param name     the pause as logged, such as {@code Pause Young (Normal) (G1 Evacuation Pause)},
     *                 {@code Pause Remark} or {@code Pause Mark Start}
     * @param duration how long the application was stopped
     */
    public record Pause(long gcId, String name, Duration duration) {
    }

    /** GC(n), an optional generation of generational ZGC, the pause's name, optional heap figures, the duration. */
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\((\\d+)\\) (?:[YyOo]: )?(Pause .*?)(?: \\S+->\\S+)? (\\d+(?:\\.\\d+)?)ms");

    private GcLogReader() {
    }

    /**
     * Every stop-the-world pause in the lines of a {@code -Xlog:gc*} log, in log order.
     *
     * @param lines the log's lines; the last one may have been cut off while the JVM was writing it
     */
    public static List<Pause> pauses(List<String> lines) {
        // One entry per GC(n): a pause is logged when it starts and again, complete, when it ends.
        Map<Long, Pause> byId = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher record = PAUSE.matcher(message(line));
            if (!record.matches()) {
                continue;
            }
            long id = Long.parseLong(record.group(1));
            long nanos = Math.round(Double.parseDouble(record.group(3)) * 1e6);
            byId.put(id, new Pause(id, record.group(2), Duration.ofNanos(nanos)));
        }
        return new ArrayList<>(byId.values());
    }

    /** The record after the bracketed decorations. */
    private static String message(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) == '[') {
            int close = line.indexOf(']', at);
            if (close < 0) {
                break;
            }
            at = close + 1;
        }
        return line.substring(at).strip();
    }
}
