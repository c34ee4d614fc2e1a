package lesson2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exercise {@code gc-log-reader} (lesson 2): read the stop-the-world pauses out of a unified GC log, for
 * every HotSpot collector and whatever decorators the log was written with.
 *
 * <p>Write the reading yourself with the JDK ({@code String}, {@code java.util.regex}); the library's
 * {@code workbench.diagnostics.gc} parser is what this exercise teaches you to build, so it is off limits here.
 *
 * <p>Try it in the console on a log of your own:
 * {@code GcLogReader.pauses(Files.readAllLines(Path.of("gc.log")))}.
 * Check it with {@code /check} or {@code ./workbench check gc-log-reader}.
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

    /** A pause record: id, optional generation, the name, optional heap figures, a duration with its unit. */
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
            // Split off the bracketed decorations, remembering them.
            List<String> decorations = new ArrayList<>();
            int at = 0;
            while (at < line.length() && line.charAt(at) == '[') {
                int close = line.indexOf(']', at);
                if (close < 0) {
                    break;
                }
                decorations.add(line.substring(at + 1, close).trim());
                at = close + 1;
            }
            String message = line.substring(at).strip();
            // With -Xlog:gc* every collection also logs its details under finer tag sets (gc,phases,
            // gc,heap, gc,start, ...). The one line per collection is the one tagged plain "gc", so when the
            // log shows its tags, only those lines are records.
            String tags = tagsOf(decorations);
            if (tags != null && !tags.equals("gc")) {
                continue;
            }
            Matcher pause = PAUSE.matcher(message);
            if (!pause.matches()) {
                continue;   // not a pause, or a line cut off before its unit
            }
            pauses.add(new Pause(Long.parseLong(pause.group(1)), pause.group(2), millis(pause.group(3))));
        }
        return pauses;
    }

    /**
     * The tags decorator, or null when the log was written without it. HotSpot prints the tags last, and a GC
     * line's tag set always begins with "gc" (gc, gc,start, gc,phases, gc,heap, ...).
     */
    private static String tagsOf(List<String> decorations) {
        if (decorations.isEmpty()) {
            return null;
        }
        String last = decorations.getLast();
        return last.equals("gc") || last.startsWith("gc,") ? last : null;
    }

    /** Exact to the nanosecond: the log prints milliseconds with three decimals. */
    private static Duration millis(String amount) {
        long nanos = new BigDecimal(amount).movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Duration.ofNanos(nanos);
    }
}
