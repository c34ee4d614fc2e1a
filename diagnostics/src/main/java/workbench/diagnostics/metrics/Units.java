package workbench.diagnostics.metrics;

import java.util.Locale;

/** Readable values for the console: bytes in KiB/MiB/GiB, seconds in ms or s, ratios in percent. */
final class Units {

    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {}

    static String format(double value, String unit) {
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

    private static String seconds(double value) {
        if (value == 0) {
            return "0 s";
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
