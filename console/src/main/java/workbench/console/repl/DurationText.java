package workbench.console.repl;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them, on the command line and in the console: {@code 500ms}, {@code 2s}, {@code 1m}. */
public final class DurationText {

    private DurationText() {
    }

    /**
     * Reads a duration.
     *
     * @throws IllegalArgumentException with a sentence for the learner when the text is not a duration
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 2s or 1m");
    }

    /** A duration as the console shows it: {@code 500 ms}, {@code 2 s}, {@code 1.5 s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%s s",
                millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0));
    }
}
