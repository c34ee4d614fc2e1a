package lesson2;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        // Pauses belong to their collection: gather them collection by collection (GC ids count up as the
        // log goes), then list them in that order.
        Map<Long, List<Pause>> byCollection = new TreeMap<>();
        for (String line : lines) {
            String message = stripDecorations(line);
            Matcher m = PAUSE.matcher(message);
            if (!m.matches()) {
                continue;
            }
            long gcId = Long.parseLong(m.group(1));
            long nanos = new BigDecimal(m.group(3)).movePointRight(6).longValueExact();
            byCollection.computeIfAbsent(gcId, id -> new ArrayList<>())
                    .add(new Pause(gcId, m.group(2), Duration.ofNanos(nanos)));
        }
        List<Pause> pauses = new ArrayList<>();
        byCollection.values().forEach(pauses::addAll);
        return pauses;
    }

    /** Everything up to the last ']' of the leading bracketed fields is decoration. */
    private static String stripDecorations(String line) {
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
