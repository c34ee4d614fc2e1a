/*
 * Misconception: a GC pause is worth reading to the millisecond, so each logged duration is parsed and rounded to whole milliseconds.
 * Why a learner would believe it: the lesson's live trace (GcTrace.start, MXBean notifications) reports pauses in whole milliseconds, Duration.ofMillis is the obvious factory, and G1/Parallel pauses of tens of milliseconds look unchanged by it.
 * What is actually right: keep the logged precision (3.154ms is 3,154,000 ns); ZGC and Shenandoah pauses are fractions of a millisecond and rounding turns them into 0 or 1 ms, so sums per collection no longer match JFR's sumOfPauses.
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
            Matcher record = PAUSE.matcher(message(line));
            if (!record.matches()) {
                continue;
            }
            // A pause is a number of milliseconds, like the pause column of the live trace.
            long millis = Math.round(Double.parseDouble(record.group(3)));
            pauses.add(new Pause(Long.parseLong(record.group(1)), record.group(2), Duration.ofMillis(millis)));
        }
        return pauses;
    }

    /** The record after the bracketed decorations, whatever they are. */
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
