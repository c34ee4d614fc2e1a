/*
 * Misconception: every unified-log line carries bracketed decorations that end with "] ", so the record is whatever follows the first "] " and a line without one is not a GC record.
 * Why a learner would believe it: every log the learner printed (the default uptime,level,tags, and time,pid,tags, uptimemillis,tid,level) puts "] " exactly between the decorations and "GC(n)", and configuration noise lines look the same.
 * What is actually right: decorators are chosen by whoever wrote the log and may be "none", leaving bare "GC(7) Pause Young ..." lines; the decorations are a run of leading [...] groups of any length, possibly empty.
 */
package lesson2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** Where the decorations end: [uptime][level][tags   ] and then the record. */
    private static final String END_OF_DECORATIONS = "] ";

    private GcLogReader() {
    }

    /**
     * Every stop-the-world pause in the lines of a {@code -Xlog:gc*} log, in log order.
     *
     * @param lines the log's lines; the last one may have been cut off while the JVM was writing it
     */
    public static List<Pause> pauses(List<String> lines) {
        List<Pause> pauses = new ArrayList<>();
        for (String line : lines) {
            int end = line.indexOf(END_OF_DECORATIONS);
            if (end < 0) {
                continue; // not a log record
            }
            String message = line.substring(end + END_OF_DECORATIONS.length()).strip();
            Matcher record = PAUSE.matcher(message);
            if (!record.matches()) {
                continue;
            }
            long nanos = Math.round(Double.parseDouble(record.group(3)) * 1_000_000);
            pauses.add(new Pause(Long.parseLong(record.group(1)), record.group(2), Duration.ofNanos(nanos)));
        }
        return pauses;
    }
}
