/*
 * Misconception: the only GC records that do not stop the application are the ones named "Concurrent ...", so every other record of a collection that carries a duration is a pause.
 * Why a learner would believe it: the lesson's warning is about concurrent phases being mistaken for pauses, and in a G1 or Shenandoah log the records with a duration are either "Pause ..." or "Concurrent ..."; per-phase details are indented and easy to skip.
 * What is actually right: keep only records named "Pause ..." (a whitelist); other timed records such as a full collection's "Phase 1: Mark live objects", Parallel's "Marking Phase" or ZGC's "Relocation Stall" are parts of a pause or not pauses at all, and counting them adds time JFR never measured.
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

    /** GC(n), the rest of the record. */
    private static final Pattern GC_RECORD = Pattern.compile("GC\\((\\d+)\\) (.*)");
    /** A record's title, optional heap figures, and its duration in milliseconds at the very end. */
    private static final Pattern TIMED = Pattern.compile("(.+?)(?: \\S+->\\S+)? (\\d+(?:\\.\\d+)?)ms");

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
            Matcher gc = GC_RECORD.matcher(message(line));
            if (!gc.matches()) {
                continue;
            }
            String body = gc.group(2);
            // "GC(7)   Evacuate Collection Set: 2.9ms" is a detail of the pause above it, not a record.
            if (body.isEmpty() || Character.isWhitespace(body.charAt(0))) {
                continue;
            }
            // Generational ZGC: "y: ", "Y: ", "O: " name the generation.
            if (body.length() > 3 && "YyOo".indexOf(body.charAt(0)) >= 0 && body.startsWith(": ", 1)) {
                body = body.substring(3);
            }
            // Concurrent work runs beside the application: a ZGC/Shenandoah phase or G1's mark cycle.
            if (body.startsWith("Concurrent")) {
                continue;
            }
            Matcher timed = TIMED.matcher(body);
            if (timed.matches()) {
                long nanos = Math.round(Double.parseDouble(timed.group(2)) * 1e6);
                pauses.add(new Pause(Long.parseLong(gc.group(1)), timed.group(1), Duration.ofNanos(nanos)));
            }
        }
        return pauses;
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
        if (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return line.substring(at).stripTrailing();
    }
}
