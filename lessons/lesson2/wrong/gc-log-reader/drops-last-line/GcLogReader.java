package lesson2;

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

    private GcLogReader() {
    }

    private static final Pattern PAUSE =
            Pattern.compile("GC\\((\\d+)\\) (?:[YyOo]: )?(Pause .*?)(?: \\S+->\\S+)? (\\d+(?:\\.\\d+)?)ms");

    /**
     * Every stop-the-world pause in the lines of a {@code -Xlog:gc*} log, in log order.
     *
     * @param lines the log's lines; the last one may have been cut off while the JVM was writing it
     */
    public static List<Pause> pauses(List<String> lines) {
        // The last line may have been cut off while the JVM was writing it: leave it out, so that half a
        // record is never read as a pause.
        List<String> complete = lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1);
        List<Pause> pauses = new ArrayList<>();
        for (String line : complete) {
            Matcher record = PAUSE.matcher(message(line.strip()));
            if (record.matches()) {
                pauses.add(new Pause(Long.parseLong(record.group(1)), record.group(2), millis(record.group(3))));
            }
        }
        return pauses;
    }

    /** What follows the bracketed decorations, if any. */
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

    private static Duration millis(String amount) {
        return Duration.ofNanos(Math.round(Double.parseDouble(amount) * 1_000_000));
    }
}
