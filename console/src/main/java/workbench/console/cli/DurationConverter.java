package workbench.console.cli;

import picocli.CommandLine;
import workbench.console.repl.DurationText;

import java.time.Duration;

/** Reads durations as people write them ({@link DurationText}): {@code 500ms}, {@code 2s}, {@code 1m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
