/*
 * Misconception: a stop-the-world record always begins "Pause" right after "GC(n) ", so one pattern anchored there covers every collector.
 * Why a learner would believe it: G1, Parallel, Serial, Shenandoah and ZGC on JDK 17 all log "GC(3) Pause ..." that way, and the lesson's table of stop-the-world records lists "Pause Mark Start" without any prefix.
 * What is actually right: generational ZGC (opt-in on JDK 21, the default from JDK 23, the only ZGC from JDK 24) writes its generation first, "GC(1) y: Pause Mark Start 0.022ms" or "Y: "/"O: ", so the pattern must allow an optional "[YyOo]: " before "Pause".
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

    /** "GC(n) Pause <name> [before->after(committed)] <duration>ms", the shape of every collector's pause. */
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\((\\d+)\\) (Pause [^\\d].*?)(?: \\d+[BKMG]->\\d+[BKMG]\\(\\d+[BKMG]\\))? (\\d+\\.\\d+)ms");

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
            if (record.matches()) {
                long nanos = Math.round(Double.parseDouble(record.group(3)) * 1e6);
                pauses.add(new Pause(Long.parseLong(record.group(1)), record.group(2), Duration.ofNanos(nanos)));
            }
        }
        return pauses;
    }

    /** Drops the leading [decorations], however many there are. */
    private static String message(String line) {
        return line.replaceFirst("^(\\[[^\\]]*\\])*\\s*", "").stripTrailing();
    }
}
