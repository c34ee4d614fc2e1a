package workbench.diagnostics.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import workbench.diagnostics.gc.Collector;
import workbench.diagnostics.gc.GcCycle;
import workbench.diagnostics.gc.GcEvent;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.gc.GcLogParser;
import workbench.diagnostics.gc.GcTrace;
import workbench.diagnostics.gc.GcTraceLine;
import workbench.diagnostics.gc.HeapChange;
import workbench.diagnostics.gc.SafepointEvent;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.gc}. */
public final class GcSnippets {

    private GcSnippets() {}

    // @start region="parse"
    public static GcLog summarize(Path gcLog) {            // written with -Xlog:gc*:file=gc.log
        GcLog log = GcLogParser.parse(gcLog);
        System.out.println(log.collector() + ": " + log.pauses().size() + " pauses, " + log.totalPause() + " in all");
        log.truncatedLine().ifPresent(line -> System.out.println("cut off while written: " + line));
        return log;
    }
    // @end

    // @start region="cycles"
    public static void printCycles(GcLog log) {
        for (GcCycle gc : log.cycles()) {                  // GC(0) YOUNG 6M->6M(64M) paused PT0.00477S
            System.out.println("GC(" + gc.gcId() + ") " + gc.kind() + " " + gc.heap()
                    + (gc.isStopTheWorld() ? " paused " : " concurrent, paused ") + gc.sumOfPauses());
        }
    }
    // @end

    // @start region="events"
    public static void printPauses(GcLog log) {
        for (GcEvent pause : log.pauses()) {               // decorations hold what -Xlog printed in brackets
            String uptime = pause.decorations().uptimeIfPresent().map(Duration::toString).orElse("?");
            System.out.println(uptime + " GC(" + pause.gcId() + ") " + pause.name() + ": " + pause.duration());
        }
    }
    // @end

    // @start region="safepoints"
    public static void printSafepoints(GcLog log) {        // from -Xlog:safepoint
        for (SafepointEvent safepoint : log.safepoints()) {
            System.out.println(safepoint.operation() + ": " + safepoint.total() + " stopped, "
                    + safepoint.reaching() + " of it reaching the safepoint");
        }
        System.out.println(log.totalSafepointTime() + " stopped in all");
    }
    // @end

    // @start region="trace"
    public static void traceWhile(Target target, Runnable work) throws IOException {
        try (GcTrace _ = GcTrace.start(target, line -> System.out.println(line.format()))) {
            work.run();
        }
        // gc 12 @3.456s 2.1%: G1 G1 Young Generation (G1 Evacuation Pause) 45M->12M(64M) pause 3.000ms
    }
    // @end

    public static List<String> formatLines() {
        // @start region="lines"
        GcTraceLine young = new GcTraceLine(12, Collector.G1, "G1New", "G1 Evacuation Pause",
                new HeapChange(45L << 20, 12L << 20, 64L << 20), Duration.ofNanos(3_154_000),
                Duration.ofNanos(3_154_000), false, Duration.ofMillis(3_456), 0.021);
        young.format();
        // gc 12 @3.456s 2.1%: G1 G1New (G1 Evacuation Pause) 45M->12M(64M) pause 3.154ms

        GcTraceLine cycle = new GcTraceLine(7, Collector.ZGC, "ZGC Major Cycles", "Warmup",
                new HeapChange(38L << 20, 64L << 20, 64L << 20), Duration.ZERO,
                Duration.ofMillis(109), true, Duration.ofMillis(2_108), 0.0);
        cycle.format();
        // gc 7 @2.108s 0.0%: ZGC concurrent ZGC Major Cycles (Warmup) 38M->64M(64M) 109.000ms, pause 0.000ms
        // @end
        return List.of(young.format(), cycle.format());
    }

    public static List<Collector> recognize() {
        // @start region="collector"
        Collector young = Collector.fromBeanName("G1 Young Generation");   // G1
        Collector major = Collector.fromBeanName("ZGC Major Cycles");      // ZGC
        Collector logged = Collector.fromLogBanner("Using Shenandoah");    // SHENANDOAH
        // @end
        return List.of(young, major, logged);
    }
}
