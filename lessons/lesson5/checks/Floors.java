package lesson5.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * The smallest value of a series in each third of its time, for the observations a check reports: what a leak
 * lifts, and bursts do not.
 *
 * @param first  the floor of the first third
 * @param middle the floor of the middle third
 * @param last   the floor of the last third
 */
record Floors(double first, double middle, double last) {

    private static final double MB = 1 << 20;

    static Floors of(TimeSeries series) {
        List<Point> points = series.points();
        Instant start = points.getFirst().time();
        long third = Duration.between(start, points.getLast().time()).toNanos() / 3 + 1;
        double[] floors = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (Point point : points) {
            int part = (int) (Duration.between(start, point.time()).toNanos() / third);
            floors[part] = Math.min(floors[part], point.value());
        }
        return new Floors(floors[0], floors[1], floors[2]);
    }

    /** How fast the floors rose, first to last, a second: the first and last thirds stand two thirds apart. */
    static double pace(TimeSeries series) {
        Floors floors = of(series);
        return (floors.last - floors.first) / (seconds(series) * 2 / 3);
    }

    /** How fast the floors rose from the middle third to the last, a second. */
    static double lastStepPace(TimeSeries series) {
        Floors floors = of(series);
        return (floors.last - floors.middle) / (seconds(series) / 3);
    }

    /** The time from the series' first point to its last, in seconds. */
    static double seconds(TimeSeries series) {
        return Duration.between(series.points().getFirst().time(), series.latest().time()).toMillis() / 1000.0;
    }

    /** The three floors in MB, for a message: "120, 121 and 160 MB". */
    String inMb() {
        return String.format(Locale.ROOT, "%.0f, %.0f and %.0f MB", first / MB, middle / MB, last / MB);
    }

    /** The three floors as counts, for a message: "40, 41 and 60". */
    String inCounts() {
        return String.format(Locale.ROOT, "%.0f, %.0f and %.0f", first, middle, last);
    }
}
