package lesson2.checks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lesson2.GcLogReader;
import lesson2.GcLogReader.Pause;
import org.junit.jupiter.api.Test;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code gc-log-reader}: the demo runs under a random collector with random
 * decorators, a GC log and a JFR recording at once; the learner's pauses per collection must add up to
 * JFR's, phase for phase. A copy of a pause line, cut off before its unit, ends the log.
 */
class GcLogReaderCheck {

    private static final String DECORATIONS = "Lesson 2, 'Reading a GC log': decorators are whatever -Xlog was"
            + " told to print, from none to a dozen bracketed fields; the message starts after the last bracket";
    private static final String PAUSES = "Lesson 2, 'Pauses and concurrent work': only records that stopped the"
            + " application are pauses; concurrent phases and whole cycles run beside it";
    private static final String CUT = "Lesson 2, 'Reading a GC log': a record is complete only with its unit;"
            + " the last line of a log can stop anywhere";
    /**
     * The log rounds to microseconds and times a pause a little apart from JFR's clock; on a busy machine
     * long pauses drift up to a tenth apart.
     */
    private static final Duration SLACK = Duration.ofMillis(1);

    private final Random random = new Random();

    @Test
    void readsTheLogsOfStopTheWorldCollectors() throws IOException {
        check(LoggedRun.of(pick("-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC"), random));
    }

    @Test
    void readsTheLogsOfConcurrentCollectors() throws IOException {
        check(LoggedRun.of(pick("-XX:+UseZGC", "-XX:+UseShenandoahGC"), random));
    }

    @Test
    void readsTheLinesItself() throws IOException {
        try (InputStream in = GcLogReader.class.getResourceAsStream("GcLogReader.class")) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            Feedback.check(!constants.contains("workbench/diagnostics/gc/"),
                    "Your GcLogReader calls the library's GC log parser (workbench.diagnostics.gc).",
                    "This exercise is about reading the lines yourself, with String and java.util.regex;"
                            + " the library's parser is what it builds up to");
        }
    }

    private void check(LoggedRun run) {
        String where = "a " + run.collector() + " log written with decorators '" + run.decorators() + "'";
        long cutId = run.jfr().sumOfPauses().keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1000
                + random.nextInt(1000);
        List<String> lines = new ArrayList<>(run.lines());
        Feedback.check(!run.jfr().sumOfPauses().isEmpty(), "The demo's JVM recorded no collections; run the check again.",
                PAUSES);
        lines.add(cutPauseLine(run.lines(), cutId));

        List<Pause> pauses = GcLogReader.pauses(List.copyOf(lines));

        Feedback.check(pauses != null && !pauses.isEmpty(),
                "Your reader found no pauses in " + where + ", though the JVM did stop for collections.",
                DECORATIONS);
        Map<Long, Duration> sums = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        for (Pause pause : pauses) {
            Feedback.check(pause.gcId() != cutId,
                    "You reported a pause of GC(" + cutId + ") from the last line of " + where
                            + ", which was cut off before the pause's unit.", CUT);
            Feedback.check(pause.duration() != null && pause.name() != null && pause.name().contains("Pause"),
                    "You reported '" + pause.name() + "' of GC(" + pause.gcId() + ") in " + where
                            + " as a pause; stop-the-world records are the ones HotSpot names 'Pause ...'.", PAUSES);
            sums.merge(pause.gcId(), pause.duration(), Duration::plus);
            counts.merge(pause.gcId(), 1, Integer::sum);
        }
        run.jfr().sumOfPauses().forEach((id, truth) -> {
            Duration yours = sums.getOrDefault(id, Duration.ZERO);
            Duration allowed = SLACK.plus(truth.dividedBy(10));
            Feedback.check(yours.minus(truth).abs().compareTo(allowed) <= 0,
                    "In " + where + ", your pauses of GC(" + id + ") add up to " + millis(yours)
                            + ", but JFR measured a different stop-the-world time for that collection.",
                    yours.compareTo(truth) > 0 ? PAUSES : DECORATIONS);
            int phases = run.jfr().pauseCount().getOrDefault(id, 0);
            Feedback.check(counts.getOrDefault(id, 0) == phases,
                    "In " + where + ", you reported " + counts.getOrDefault(id, 0) + " pause(s) for GC(" + id
                            + "), but JFR counted a different number of stop-the-world phases in it.", PAUSES);
        });
    }

    /** A real pause line under a fresh id, cut somewhere after its name and before its unit is complete. */
    private String cutPauseLine(List<String> lines, long id) {
        List<String> candidates = lines.stream()
                .filter(l -> l.matches(".*GC\\(\\d+\\) (?:[YyOo]: )?Pause .* \\d+\\.\\d+ms\\s*"))
                .toList();
        if (candidates.isEmpty()) {
            return "GC(" + id + ") Pause Young (Normal) (G1 Evacuation Pause) 45M->12M(64M) 3.1";
        }
        String line = candidates.get(random.nextInt(candidates.size())).stripTrailing()
                .replaceFirst("GC\\(\\d+\\)", "GC(" + id + ")");
        int unit = line.length() - "ms".length();
        int number = line.lastIndexOf(' ') + 1;
        // Keeps at least one digit and at most the "m" of the unit: never a whole record.
        return line.substring(0, number + 1 + random.nextInt(unit + 1 - number));
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
    }
}
