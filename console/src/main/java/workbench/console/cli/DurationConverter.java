package workbench.console.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** Reads durations as people write them: {@code 500ms}, {@code 2s}, {@code 1m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
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
        throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; write e.g. 500ms, 2s or 1m");
    }
}
