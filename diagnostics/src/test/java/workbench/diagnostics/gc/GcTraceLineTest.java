package workbench.diagnostics.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The gctrace-style line, for a pause and for a concurrent cycle. */
class GcTraceLineTest {

    @Test
    void aPauseShowsItsHeapAndPause() {
        GcTraceLine line = new GcTraceLine(12, Collector.G1, "G1New", "G1 Evacuation Pause",
                new HeapChange(45L << 20, 12L << 20, 64L << 20), Duration.ofNanos(3_154_000),
                Duration.ofNanos(3_154_000), false, Duration.ofMillis(3456), 0.021);
        assertEquals("gc 12 @3.456s 2.1%: G1 G1New (G1 Evacuation Pause) 45M->12M(64M) pause 3.154ms", line.format());
    }

    @Test
    void aConcurrentCycleShowsItsLengthAndItsPausesApart() {
        GcTraceLine line = new GcTraceLine(7, Collector.ZGC, "ZGC Major", "Warmup",
                new HeapChange(38L << 20, 64L << 20, 64L << 20), Duration.ofNanos(84_000),
                Duration.ofMillis(109), true, Duration.ofMillis(2108), 0);
        assertEquals("gc 7 @2.108s 0.0%: ZGC concurrent ZGC Major (Warmup) 38M->64M(64M) 109.000ms, pause 0.084ms",
                line.format());
    }

    @Test
    void collectorsAreRecognisedByTheirBeanAndEventNames() {
        assertEquals(Collector.G1, Collector.fromBeanName("G1 Concurrent GC"));
        assertEquals(Collector.PARALLEL, Collector.fromBeanName("PS MarkSweep"));
        assertEquals(Collector.SERIAL, Collector.fromBeanName("MarkSweepCompact"));
        assertEquals(Collector.SERIAL, Collector.fromBeanName("DefNew"));
        assertEquals(Collector.ZGC, Collector.fromBeanName("ZGC Minor Pauses"));
        assertEquals(Collector.SHENANDOAH, Collector.fromBeanName("Shenandoah Cycles"));
        assertEquals(Collector.ZGC, Collector.fromLogBanner("Using The Z Garbage Collector"));
    }
}
