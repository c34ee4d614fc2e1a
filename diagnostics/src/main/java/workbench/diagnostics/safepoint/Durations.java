package workbench.diagnostics.safepoint;

import java.time.Duration;
import java.util.Locale;

/** Short human durations for the console: 850 ns, 12.3 µs, 4.56 ms, 1.20 s. */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
