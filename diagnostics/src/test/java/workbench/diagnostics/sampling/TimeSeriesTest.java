package workbench.diagnostics.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** One point per second: value = 10 + 3·t, with ±1 noise on even seconds. */
    private static TimeSeries line(int seconds) {
        List<Point> points = new ArrayList<>();
        for (int t = 0; t < seconds; t++) {
            points.add(new Point(T0.plusSeconds(t), 10 + 3 * t + (t % 2 == 0 ? 1 : -1)));
        }
        return new TimeSeries("test", points);
    }

    @Test
    void rateAndSlopeOverAWindow() {
        TimeSeries series = line(61);
        assertEquals(3, series.slope(Duration.ofSeconds(60)), 0.01);
        assertEquals(3, series.rate(Duration.ofSeconds(60)), 0.01);
        assertEquals(11, series.window(Duration.ofSeconds(10)).size());
        assertEquals(191, series.latestValue());
    }

    /** A counter read every half second that jumps by 50 once: its rates are flat but for that interval. */
    @Test
    void ratesShowWhenACounterRoseNotThatItRose() {
        List<Point> points = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < 6; i++) {
            total += i == 3 ? 50 : 1;
            points.add(new Point(T0.plusMillis(500L * i), total));
        }
        points.add(new Point(T0.plusMillis(2500), total));  // a second read at the same instant adds no interval
        TimeSeries rates = new TimeSeries("c", points).rates();
        assertEquals(List.of(2.0, 2.0, 100.0, 2.0, 2.0),
                rates.points().stream().map(Point::value).toList());
        assertEquals(T0.plusMillis(500), rates.points().getFirst().time());
        assertEquals("▁▁█▁▁", rates.sparkline(5));
        assertEquals(0, new TimeSeries("one", List.of(new Point(T0, 1))).rates().size());
    }

    @Test
    void percentilesUseNearestRank() {
        List<Point> points = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            points.add(new Point(T0.plusMillis(i), i));
        }
        TimeSeries series = new TimeSeries("p", points);
        assertEquals(50, series.percentile(50, Duration.ofHours(1)));
        assertEquals(99, series.percentile(99, Duration.ofHours(1)));
        assertEquals(1, series.min(Duration.ofHours(1)));
        assertEquals(100, series.max(Duration.ofHours(1)));
        assertEquals(50.5, series.mean(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> series.percentile(-1, Duration.ofHours(1)));
    }

    @Test
    void emptyAndSinglePointSeriesAnswerNaN() {
        TimeSeries empty = new TimeSeries("e", List.of());
        assertTrue(Double.isNaN(empty.latestValue()));
        assertTrue(Double.isNaN(empty.percentile(50, Duration.ofSeconds(1))));
        TimeSeries one = new TimeSeries("o", List.of(new Point(T0, 5)));
        assertTrue(Double.isNaN(one.rate(Duration.ofSeconds(1))));
        assertTrue(Double.isNaN(one.slope(Duration.ofSeconds(1))));
    }

    @Test
    void sparklinesScaleBetweenMinAndMaxAndFitTheWidth() {
        assertEquals("▁▂▃▅█▅▃", Sparklines.of(new double[] {1, 2, 3, 5, 8, 5, 3}));
        assertEquals("▁▁▁", Sparklines.of(new double[] {4, 4, 4}));
        assertEquals("▁ █", Sparklines.of(new double[] {0, Double.NaN, 1}));
        assertEquals(20, line(100).sparkline(20).length());
        assertEquals('▁', line(100).sparkline(20).charAt(0));
        assertEquals('█', line(100).sparkline(20).charAt(19));
    }
}
