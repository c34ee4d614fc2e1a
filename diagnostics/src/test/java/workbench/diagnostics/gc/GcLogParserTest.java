package workbench.diagnostics.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line shapes taken from real logs of each collector on JDK 17 and 25. */
class GcLogParserTest {

    @Test
    void g1YoungMixedFullAndConcurrentCycle() {
        GcLog log = GcLogParser.parse("""
                [0.005s][info][gc] Using G1
                [0.056s][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)
                [0.061s][info][gc,phases   ] GC(0)   Evacuate Collection Set: 3.9ms
                [0.061s][info][gc,heap     ] GC(0) Eden regions: 6->0(3)
                [0.061s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->6M(64M) 4.770ms
                [0.298s][info][gc          ] GC(1) Pause Young (Mixed) (G1 Evacuation Pause) (Evacuation Failure: Allocation) 63M->63M(64M) 0.947ms
                [0.705s][info][gc          ] GC(2) Pause Full (System.gc()) 63M->23M(64M) 9.686ms
                [0.716s][info][gc          ] GC(3) Pause Young (Concurrent Start) (G1 Humongous Allocation) 43M->41M(64M) 3.630ms
                [0.716s][info][gc          ] GC(4) Concurrent Mark Cycle
                [0.738s][info][gc,marking  ] GC(4) Concurrent Mark From Roots 21.233ms
                [0.743s][info][gc          ] GC(4) Pause Remark 52M->52M(64M) 0.336ms
                [0.747s][info][gc          ] GC(4) Pause Cleanup 55M->55M(64M) 0.079ms
                [0.747s][info][gc          ] GC(4) Concurrent Mark Cycle 31.502ms
                """);

        assertEquals(Collector.G1, log.collector());
        List<GcCycle> cycles = log.cycles();
        assertEquals(List.of(GcKind.YOUNG, GcKind.MIXED, GcKind.FULL, GcKind.YOUNG, GcKind.CONCURRENT_CYCLE),
                cycles.stream().map(GcCycle::kind).toList());
        assertEquals(List.of("G1 Evacuation Pause", "G1 Evacuation Pause", "System.gc()", "G1 Humongous Allocation"),
                cycles.stream().limit(4).map(GcCycle::cause).toList());
        assertEquals(new HeapChange(6L << 20, 6L << 20, 64L << 20), cycles.get(0).heap());
        assertEquals(Duration.ofNanos(4_770_000), cycles.get(0).sumOfPauses());
        assertEquals(Duration.ofNanos(415_000), cycles.get(4).sumOfPauses(), "remark and cleanup, not the cycle");
        assertEquals(Duration.ofNanos(4_770_000 + 947_000 + 9_686_000 + 3_630_000 + 415_000), log.totalPause());
    }

    @Test
    void parallelAndSerialWithoutDecorators() {
        GcLog parallel = GcLogParser.parse("""
                Using Parallel
                GC(0) Pause Young (Allocation Failure) 16M->11M(61M) 15.298ms
                GC(4) Pause Full (Ergonomics) 54M->19M(61M) 13.636ms
                """);
        assertEquals(Collector.PARALLEL, parallel.collector());
        assertEquals(List.of("Allocation Failure", "Ergonomics"), parallel.cycles().stream().map(GcCycle::cause).toList());
        assertEquals(LogDecorations.NONE, parallel.events().getFirst().decorations());

        GcLog serial = GcLogParser.parse("""
                [0.011s][info][gc] Using Serial
                [0.289s][info][gc          ] GC(4) Pause Young (Allocation Failure) 56M->56M(61M) 0.110ms
                [0.300s][info][gc          ] GC(5) Pause Full (Allocation Failure) 56M->22M(61M) 11.259ms
                """);
        assertEquals(Collector.SERIAL, serial.collector());
        assertEquals(List.of(GcKind.YOUNG, GcKind.FULL), serial.cycles().stream().map(GcCycle::kind).toList());
    }

    @Test
    void zgcCyclesAreNotPausesButTheirPausePhasesAre() {
        GcLog generational = GcLogParser.parse("""
                [0.025s][info][gc     ] Using The Z Garbage Collector
                [0.348s][info][gc          ] GC(0) Major Collection (Warmup)
                [0.409s][info][gc,phases   ] GC(0) Y: Pause Mark Start (Major) 0.036ms
                [0.424s][info][gc,phases   ] GC(0) Y: Concurrent Mark 14.242ms
                [0.424s][info][gc,phases   ] GC(0) Y: Pause Mark End 0.031ms
                [0.425s][info][gc          ] Allocation Stall (main) 15.905ms
                [0.431s][info][gc,phases   ] GC(0) Y: Young Generation 8M(12%)->36M(56%) 0.084s
                [0.433s][info][gc,phases   ] GC(0) O: Pause Mark End 0.017ms
                [0.457s][info][gc          ] GC(0) Major Collection (Warmup) 8M(12%)->64M(100%) 0.109s
                """);
        GcCycle cycle = generational.cycles().getFirst();
        assertEquals(Collector.ZGC, generational.collector());
        assertEquals(GcKind.CONCURRENT_CYCLE, cycle.kind());
        assertEquals("Warmup", cycle.cause());
        assertEquals(new HeapChange(8L << 20, 64L << 20, -1), cycle.heap());
        assertEquals(Duration.ofNanos(84_000), cycle.sumOfPauses());
        assertEquals(3, generational.pauses().size());

        GcLog single = GcLogParser.parse("""
                [0.243s][info][gc,phases   ] GC(0) Pause Mark Start 0.016ms
                [0.249s][info][gc,phases   ] GC(0) Concurrent Mark 4.842ms
                [0.262s][info][gc          ] GC(0) Garbage Collection (Warmup) 26M(41%)->44M(69%)
                """);
        assertEquals(Collector.ZGC, single.collector(), "recognised without its banner");
        assertEquals(Duration.ofNanos(16_000), single.totalPause());
        assertNull(single.events().getLast().duration(), "JDK 17 logs no cycle duration");
    }

    @Test
    void shenandoahTakesItsCauseFromTheTriggerLine() {
        GcLog log = GcLogParser.parse("""
                [0.009s][info][gc     ] Using Shenandoah
                [0.294s][info][gc          ] Trigger: Free (5940K) is below minimum threshold (6553K)
                [0.197s][info][gc          ] GC(3) Concurrent reset (unload classes) 0.035ms
                [0.197s][info][gc          ] GC(3) Pause Init Mark (unload classes) 0.036ms
                [0.202s][info][gc          ] GC(3) Concurrent marking (unload classes) 4.242ms
                [0.202s][info][gc          ] GC(3) Pause Final Mark (unload classes) 0.133ms
                [0.209s][info][gc          ] GC(3) Concurrent cleanup (unload classes) 44M->34M(64M) 0.022ms
                [0.314s][info][gc          ] Trigger: Handle Allocation Failure
                [0.330s][info][gc          ] GC(4) Pause Degenerated GC (Outside of Cycle) 63M->40M(64M) 12.300ms
                """);
        List<GcCycle> cycles = log.cycles();
        assertEquals("Free (5940K) is below minimum threshold (6553K)", cycles.get(0).cause());
        assertEquals(GcKind.CONCURRENT_CYCLE, cycles.get(0).kind());
        assertEquals(Duration.ofNanos(169_000), cycles.get(0).sumOfPauses());
        assertEquals(new HeapChange(44L << 20, 34L << 20, 64L << 20), cycles.get(0).heap());
        assertEquals("Handle Allocation Failure", cycles.get(1).cause());
        assertEquals(Duration.ofNanos(12_300_000), cycles.get(1).sumOfPauses());
    }

    @Test
    void everyDecoratorIsRead() {
        GcLog log = GcLogParser.parse("""
                [2026-11-26T21:22:41.357+0000][0.065s][1795728161357ms][64ms][64524756ns][vm][6642][6647][info][gc] GC(0) Pause Young (Allocation Failure) 9M->7M(30M) 8.928ms
                [2026-11-26T21:22:41.560+0000][100752948ns][6660] GC(1) Pause Young (Allocation Failure) 8M->6M(30M) 8.345ms
                """);
        LogDecorations all = log.events().get(0).decorations();
        assertEquals(Instant.parse("2026-11-26T21:22:41.357Z"), all.time());
        assertEquals(Duration.ofNanos(64_524_756), all.uptime(), "the finest uptime wins");
        assertEquals("info", all.level());
        assertEquals(List.of("gc"), all.tags());
        assertEquals(6642, all.pid());
        assertEquals(6647, all.tid());
        LogDecorations few = log.events().get(1).decorations();
        assertEquals(Duration.ofNanos(100_752_948), few.uptime());
        assertNull(few.level());
        assertEquals(2, log.cycles().size());
    }

    @Test
    void aCutOffLastLineIsKeptApartNotMisread() {
        String whole = "[0.061s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->6M(64M) 4.770ms\n";
        GcLog log = GcLogParser.parse(whole + "[0.066s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 9M->8M(64M)");
        assertEquals(1, log.events().size());
        assertTrue(log.truncatedLine().orElseThrow().endsWith("9M->8M(64M)"));
        assertFalse(GcLogParser.parse(whole).truncatedLine().isPresent());
    }

    @Test
    void safepointRecordsOfJdk17And25() {
        GcLog log = GcLogParser.parse("""
                [0.061s][info][safepoint   ] Safepoint "G1CollectForAllocation", Time since last: 25511488 ns, Reaching safepoint: 8116 ns, Cleanup: 9009 ns, At safepoint: 4902755 ns, Total: 4919880 ns
                [0.084s][info][safepoint   ] Safepoint "G1CollectForAllocation", Time since last: 37869737 ns, Reaching safepoint: 5791 ns, At safepoint: 8393326 ns, Leaving safepoint: 5747 ns, Total: 8404864 ns, Threads: 0 runnable, 10 total
                """);
        assertEquals(2, log.safepoints().size());
        SafepointEvent jdk25 = log.safepoints().get(1);
        assertEquals("G1CollectForAllocation", jdk25.operation());
        assertEquals(Duration.ofNanos(5_791), jdk25.reaching());
        assertEquals(Duration.ofNanos(8_393_326), jdk25.atSafepoint());
        assertEquals(Duration.ofNanos(4_919_880 + 8_404_864), log.totalSafepointTime());
    }
}
