package workbench.diagnostics.metrics;

import java.time.Duration;
import java.util.Locale;

/**
 * Readable values for the console, the one place the library formats them: bytes in KiB/MiB/GiB, durations in ns,
 * µs, ms or s, ratios in percent.
 */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {}

    /** A value of a metric in its unit ({@code By}, {@code s}, {@code 1} for a ratio, or any other). */
    public static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case "By" -> bytes(value);
            case "s" -> seconds(value);
            case "1" -> String.format(Locale.ROOT, "%.1f %%", value * 100);
            default -> number(value) + " " + unit.replace("{", "").replace("}", "");
        };
    }

    private static String bytes(double value) {
        int unit = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1024 && unit < BYTE_UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0 ? number(value) + " B" : String.format(Locale.ROOT, "%.1f %s", scaled, BYTE_UNITS[unit]);
    }

    /** A duration: {@code 850 ns}, {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.20 s}. */
    public static String format(Duration duration) {
        return seconds(duration.toNanos() / 1e9);
    }

    private static String seconds(double value) {
        if (value == 0) {
            return "0 s";
        }
        if (Math.abs(value) < 1e-6) {
            return String.format(Locale.ROOT, "%.0f ns", value * 1e9);
        }
        if (Math.abs(value) < 1e-3) {
            return String.format(Locale.ROOT, "%.1f µs", value * 1e6);
        }
        if (Math.abs(value) < 1) {
            return String.format(Locale.ROOT, "%.2f ms", value * 1e3);
        }
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
