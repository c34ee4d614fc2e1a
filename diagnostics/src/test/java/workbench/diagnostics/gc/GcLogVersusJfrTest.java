package workbench.diagnostics.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every collector on both installed JDKs with {@code -Xlog:gc*,safepoint} and JFR at once, then holds
 * the parser's pauses to JFR's record of the same collections.
 */
class GcLogVersusJfrTest {

    /**
     * Rounding in the log (1 us) plus the two timers' different start and stop points, which a busy machine
     * can push up to a tenth apart on long pauses (seen: 9% on a Serial full GC).
     */
    private static final Duration TOTAL_SLACK = Duration.ofMillis(3);
    private static final Duration PER_COLLECTION_SLACK = Duration.ofMillis(1);

    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        List<String> decorators = List.of("uptime,level,tags", "time,uptimemillis,pid,tid,level,tags",
                "utctime,uptimenanos,tags", "none", "uptime,timemillis,hostname,level,tags");
        List<Collector> collectors = List.of(Collector.G1, Collector.PARALLEL, Collector.SERIAL,
                Collector.ZGC, Collector.SHENANDOAH);
        return Stream.of(17, 25).flatMap(jdk -> collectors.stream().map(c -> Arguments.of(jdk, c,
                decorators.get((c.ordinal() + jdk) % decorators.size()))));
    }

    @ParameterizedTest(name = "JDK {0}, {1}, decorators {2}")
    @MethodSource("runs")
    void pausesAgreeWithJfr(int jdk, Collector collector, String decorators) throws Exception {
        Path java = AllocatingChild.java(jdk);
        assumeTrue(java != null, "JDK " + jdk + " is not installed");
        String flag = switch (collector) {
            case G1 -> "-XX:+UseG1GC";
            case PARALLEL -> "-XX:+UseParallelGC";
            case SERIAL -> "-XX:+UseSerialGC";
            case ZGC -> "-XX:+UseZGC";
            case SHENANDOAH -> "-XX:+UseShenandoahGC";
            case UNKNOWN -> throw new IllegalArgumentException();
        };
        assumeTrue(AllocatingChild.supports(java, flag), "JDK " + jdk + " lacks " + collector);
        Path log = dir.resolve("gc.log");
        Path recording = dir.resolve("gc.jfr");
        // The child keeps about 25 MB live (up to 48 MB); in a heap twice that, a concurrent collector on a busy
        // machine still collects often but never runs out (in 48 MB, JDK 17 Shenandoah did, in CI).
        AllocatingChild.run(java, List.of(flag, "-Xmx128m", "-Xlog:gc*,safepoint:file=" + log + ":" + decorators,
                "-XX:StartFlightRecording=filename=" + recording + ",settings=default"), 700);

        GcLog parsed = GcLogParser.parse(log);
        JfrGcRecord jfr = JfrGcRecord.read(recording);

        assertEquals(collector, parsed.collector());
        assertTrue(jfr.sumOfPauses().size() >= 3, "JFR saw too few collections: " + jfr.sumOfPauses());
        Duration logged = Duration.ZERO;
        Duration recorded = Duration.ZERO;
        int compared = 0;
        int outliers = 0;
        for (Map.Entry<Long, Duration> entry : jfr.sumOfPauses().entrySet()) {
            GcCycle cycle = parsed.cycle(entry.getKey()).orElse(null);
            if (cycle == null) {
                continue;
            }
            compared++;
            Duration difference = cycle.sumOfPauses().minus(entry.getValue()).abs();
            Duration allowed = PER_COLLECTION_SLACK.plus(entry.getValue().dividedBy(10));
            if (difference.compareTo(allowed) > 0) {
                outliers++;
                System.out.printf("GC(%d) %s: log %s vs JFR %s%n", entry.getKey(), jfr.names().get(entry.getKey()),
                        cycle.sumOfPauses(), entry.getValue());
            }
            long pauses = cycle.events().stream().filter(GcEvent::isPause).count();
            assertEquals(jfr.pauseCount().getOrDefault(entry.getKey(), 0).longValue(), pauses,
                    "GC(" + entry.getKey() + ") " + jfr.names().get(entry.getKey()) + ": pauses in the log vs JFR's");
            logged = logged.plus(cycle.sumOfPauses());
            recorded = recorded.plus(entry.getValue());
        }
        assertTrue(compared >= jfr.sumOfPauses().size() - 1, "the log lacks collections JFR recorded");
        // Log and JFR time a pause with different clocks; on a loaded machine one pause can differ by a few ms.
        assertTrue(outliers <= Math.max(1, compared / 10), outliers + " of " + compared + " collections disagree");
        Duration totalSlack = TOTAL_SLACK.plus(recorded.dividedBy(20));
        assertTrue(logged.minus(recorded).abs().compareTo(totalSlack) <= 0, "total pauses: log " + logged + " vs JFR " + recorded);
        System.out.printf("JDK %d %-10s %3d collections compared, pauses log %s JFR %s%n",
                jdk, collector, compared, logged, recorded);
        assertTrue(Files.size(log) > 0);
        assertTrue(!parsed.safepoints().isEmpty(), "no safepoint records");
    }
}
