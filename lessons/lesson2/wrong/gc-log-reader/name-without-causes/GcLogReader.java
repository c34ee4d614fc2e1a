package lesson2;

import java.math.BigDecimal;
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

    /** The bracketed decorations at the start of a line: [uptime][level][tags] and so on. */
    private static final Pattern DECORATIONS = Pattern.compile("^(?:\\[[^\\]]*\\]\\s*)*");

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
            String record = DECORATIONS.matcher(line).replaceFirst("");
            Matcher m = PAUSE.matcher(record);
            if (!m.find()) {
                continue;
            }
            pauses.add(new Pause(Long.parseLong(m.group(1)), kind(m.group(2)), millis(m.group(3))));
        }
        return pauses;
    }

    /**
     * The pause's name without what follows it in parentheses (the collection type and its cause, such as
     * "(Normal) (G1 Evacuation Pause)"): Pause Young, Pause Remark, Pause Mark Start.
     */
    private static String kind(String logged) {
        int paren = logged.indexOf(" (");
        return (paren < 0 ? logged : logged.substring(0, paren)).trim();
    }

    private static Duration millis(String text) {
        return Duration.ofNanos(new BigDecimal(text).movePointRight(6).longValueExact());
    }
}
