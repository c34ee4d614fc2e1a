package workbench.diagnostics.sampling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable series of sampled values, oldest first, with the questions one asks of it: the latest
 * value, the rate of a counter, the slope of a gauge, percentiles, a sparkline. Every query takes a
 * window that ends at the latest point.
 *
 * {@snippet class="workbench.diagnostics.snippets.SamplingSnippets" region="series"}
 *
 * Queries over an empty window (or one point, for rate and slope) return {@link Double#NaN}.
 */
public final class TimeSeries {

    private final String name;
    private final List<Point> points;

    /** A series of the given points, oldest first. */
    public TimeSeries(String name, List<Point> points) {
        this.name = name;
        this.points = List.copyOf(points);
    }

    /** What the series measures, with its attribute filter if any. */
    public String name() {
        return name;
    }

    /** Every point, oldest first. */
    public List<Point> points() {
        return points;
    }

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /** The newest point, or {@code null} when empty. */
    public Point latest() {
        return points.isEmpty() ? null : points.getLast();
    }

    /** The newest value, or NaN when empty. */
    public double latestValue() {
        return points.isEmpty() ? Double.NaN : points.getLast().value();
    }

    /** The points within {@code window} of the newest one. */
    public List<Point> window(Duration window) {
        if (points.isEmpty()) {
            return points;
        }
        Instant from = points.getLast().time().minus(window);
        int first = 0;
        while (first < points.size() && points.get(first).time().isBefore(from)) {
            first++;
        }
        return points.subList(first, points.size());
    }

    /** Increase per second over the window, from its first to its last point: the rate of a counter. */
    public double rate(Duration window) {
        List<Point> in = window(window);
        if (in.size() < 2) {
            return Double.NaN;
        }
        double seconds = seconds(in.getFirst().time(), in.getLast().time());
        return seconds == 0 ? Double.NaN : (in.getLast().value() - in.getFirst().value()) / seconds;
    }

    /**
     * The rate of a counter between each point and the one before, per second, stamped at the later point: a
     * series that shows when a counter rose fast, where the counter itself only ever climbs. Points at the same
     * instant as their predecessor are skipped.
     */
    public TimeSeries rates() {
        List<Point> rates = new ArrayList<>(Math.max(points.size() - 1, 0));
        for (int i = 1; i < points.size(); i++) {
            Point before = points.get(i - 1);
            Point after = points.get(i);
            double seconds = seconds(before.time(), after.time());
            if (seconds > 0) {
                rates.add(new Point(after.time(), (after.value() - before.value()) / seconds));
            }
        }
        return new TimeSeries(name + " per second", rates);
    }

    /** Least-squares slope per second over the window: the trend of a noisy gauge. */
    public double slope(Duration window) {
        List<Point> in = window(window);
        if (in.size() < 2) {
            return Double.NaN;
        }
        Instant origin = in.getFirst().time();
        double meanX = 0;
        double meanY = 0;
        for (Point point : in) {
            meanX += seconds(origin, point.time());
            meanY += point.value();
        }
        meanX /= in.size();
        meanY /= in.size();
        double covariance = 0;
        double variance = 0;
        for (Point point : in) {
            double dx = seconds(origin, point.time()) - meanX;
            covariance += dx * (point.value() - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? Double.NaN : covariance / variance;
    }

    /**
     * The nearest-rank percentile of the values in the window.
     *
     * @param percentile from 0 to 100
     * @throws IllegalArgumentException outside 0 to 100
     */
    public double percentile(double percentile, Duration window) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile must be within 0..100, got " + percentile);
        }
        double[] values = values(window(window));
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(percentile / 100 * values.length);
        return values[Math.max(rank, 1) - 1];
    }

    /** Smallest value in the window. */
    public double min(Duration window) {
        return percentile(0, window);
    }

    /** Largest value in the window. */
    public double max(Duration window) {
        return percentile(100, window);
    }

    /** Mean of the values in the window. */
    public double mean(Duration window) {
        return Arrays.stream(values(window(window))).average().orElse(Double.NaN);
    }

    /** The whole series as a sparkline of at most {@code width} characters. */
    public String sparkline(int width) {
        return Sparklines.of(values(points), width);
    }

    /** The values, oldest first. */
    public double[] values() {
        return values(points);
    }

    private static double[] values(List<Point> points) {
        double[] values = new double[points.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = points.get(i).value();
        }
        return values;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return name + " " + sparkline(40) + " " + latestValue();
    }
}
