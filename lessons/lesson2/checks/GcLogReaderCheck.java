package lesson2.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lesson2.GcLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.harness.Feedback;

/**
 * Hidden checks of exercise {@code gc-log-reader}. Every run reads ten real {@code -Xlog:gc*,safepoint} logs:
 * each collector's on the running JDK, written just now by the demo under a random heap, load and decorators,
 * and each collector's on JDK 17, kept from real runs and given random decorators (see {@link RecordedGcLogs}).
 * Most logs end in a pause record cut off inside its duration; in each test one ends in a whole pause record.
 * The reader's pauses must match the log's own {@code Pause} records collection by collection, to the microsecond
 * they state.
 *
 * <p>The proxies a reader might follow instead, and what defeats each in every run:
 * <ul>
 *   <li><b>decorations always there</b> (the message after the first "] "): each test has a log written with
 *       decorators {@code none}, one of each family drawn at random;</li>
 *   <li><b>one set of decorators</b> (a fixed number of fields, the default trio): every log draws its own;</li>
 *   <li><b>any record with a duration is a pause</b>: every G1, ZGC and Shenandoah log has concurrent phases and
 *       cycles with durations, and every log ends in a full collection, whose phases ("Phase 1: Mark live objects
 *       2.1ms", "Marking Phase 3.4ms") G1, Parallel and Serial log with durations and no "Concurrent";</li>
 *   <li><b>only Pause Young and Pause Full</b>: every run's G1 log holds Remark and Cleanup (G1 starts marking
 *       early), and ZGC and Shenandoah log only pause phases;</li>
 *   <li><b>only the lines tagged plain "gc"</b>, the one summary line per collection: ZGC tags its pauses
 *       {@code gc,phases}, and every run shows the tags of one ZGC log at least;</li>
 *   <li><b>"Pause" right after "GC(n) "</b>: every run's ZGC log is generational, "y: Pause Mark Start";</li>
 *   <li><b>one pause per GC id</b>: every ZGC and Shenandoah collection stops the application several times,
 *       and G1's marking twice;</li>
 *   <li><b>one collector's wording</b> (say, G1's "Pause Young (Concurrent Start)", or JDK 17's ZGC): every run
 *       has every collector, on both JDKs;</li>
 *   <li><b>whole milliseconds</b>: ZGC and Shenandoah pauses last fractions of a millisecond, and a pause must
 *       match its record within a microsecond;</li>
 *   <li><b>the last number is the duration</b>, unit optional: each test has a log whose cut-off last line ends
 *       in a digit of its duration;</li>
 *   <li><b>the last line is always cut off</b>: each test has a log that ends in a whole pause record;</li>
 *   <li><b>the library's parser</b>: {@link #readsTheLinesItself()}.</li>
 * </ul>
 */
class GcLogReaderCheck {

    private static final List<String> STOP_THE_WORLD = List.of("G1", "Parallel", "Serial");
    private static final List<String> CONCURRENT = List.of("ZGC", "Shenandoah");

    private static final Random RANDOM = new Random();
    private static final Map<String, List<GcLogSample>> SAMPLES = new LinkedHashMap<>();

    @BeforeAll
    static void writeLogs() {
        List<Source> sources = new ArrayList<>();
        for (List<String> family : List.of(STOP_THE_WORLD, CONCURRENT)) {
            List<Source> ofFamily = new ArrayList<>();
            for (String collector : family) {
                ofFamily.add(new Source(Runtime.version().feature(), collector, Decorators.random(RANDOM)));
                ofFamily.add(new Source(RecordedGcLogs.JDK, collector, Decorators.random(RANDOM)));
            }
            Collections.shuffle(ofFamily, RANDOM);
            // The first of each family is written without decorations; the second is cut right after a digit; one of
            // the others ends in a whole pause record.
            ofFamily.set(0, ofFamily.getFirst().withDecorators(Decorators.NONE));
            // ZGC tags its pauses "gc,phases": a reader that keeps only the lines tagged "gc" must meet them.
            ofFamily.stream().filter(s -> s.collector().equals("ZGC") && !s.decorators().equals(Decorators.NONE))
                    .findFirst().ifPresent(s -> ofFamily.set(ofFamily.indexOf(s),
                            s.withDecorators(Decorators.withTags(s.decorators()))));
            sources.addAll(ofFamily);
        }
        Map<String, String> liveDecorators = new LinkedHashMap<>();
        sources.stream().filter(Source::live).forEach(s -> liveDecorators.put(s.collector(), s.decorators()));
        Map<String, List<String>> live = LiveGcLogs.write(liveDecorators, RANDOM);
        for (List<String> family : List.of(STOP_THE_WORLD, CONCURRENT)) {
            List<Source> ofFamily = sources.stream().filter(s -> family.contains(s.collector())).toList();
            int endsWhole = 2 + RANDOM.nextInt(ofFamily.size() - 2);
            List<GcLogSample> samples = new ArrayList<>();
            for (Source source : ofFamily) {
                List<String> lines = source.live() ? live.get(source.collector())
                        : RecordedGcLogs.of(source.collector(), source.decorators());
                GcLogSample.Ending ending = samples.size() == endsWhole ? GcLogSample.Ending.PAUSE_RECORD_LAST
                        : samples.size() == 1 || RANDOM.nextInt(3) == 0 ? GcLogSample.Ending.CUT_INSIDE_NUMBER
                        : GcLogSample.Ending.CUT_ANYWHERE;
                samples.add(GcLogSample.of(source.jdk(), source.collector(), source.decorators(), lines, RANDOM,
                        ending));
            }
            SAMPLES.put(family.getFirst(), samples);
        }
    }

    @Test
    void readsTheLogsOfStopTheWorldCollectors() {
        SAMPLES.get(STOP_THE_WORLD.getFirst()).forEach(GcLogReaderCheck::check);
    }

    @Test
    void readsTheLogsOfConcurrentCollectors() {
        SAMPLES.get(CONCURRENT.getFirst()).forEach(GcLogReaderCheck::check);
    }

    @Test
    void readsTheLinesItself() throws IOException {
        try (InputStream in = GcLogReader.class.getResourceAsStream("GcLogReader.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Feedback.check(!constants.contains("workbench/diagnostics/gc/"),
                    "Your GcLogReader calls the library's GC log parser (workbench.diagnostics.gc).",
                    "Lesson 2, 'Reading a GC log': this exercise is about reading the lines yourself, with String"
                            + " and java.util.regex; the library's parser is what it builds up to");
        }
    }

    private static void check(GcLogSample log) {
        PauseVerdict.check(log, GcLogReader.pauses(log.lines()));
    }

    /** Which log to read: a collector on a JDK, with decorators. */
    private record Source(int jdk, String collector, String decorators) {

        boolean live() {
            return jdk != RecordedGcLogs.JDK;
        }

        Source withDecorators(String chosen) {
            return new Source(jdk, collector, chosen);
        }
    }
}
