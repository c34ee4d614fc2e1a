package lesson2.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lesson2.TuneIt;
import lesson2.demo.AllocationSpikes;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.gc.GcLogParser;
import workbench.lessons.harness.Feedback;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code tune-it}: the demo runs in a fresh JVM with the learner's flags, a large
 * random live set and random spikes; its heap must stay within budget, it must not run out of memory, and
 * the 99th percentile of its GC pauses (from the GC log) must meet the target.
 */
class TuneItCheck {

    private static final long HEAP_BUDGET = 512L << 20;
    private static final Duration PAUSE_TARGET = Duration.ofMillis(10);
    private static final String SIZING = "Lesson 2, 'Tuning: heap size and collector': without -Xmx the JVM sizes the"
            + " heap from the machine's memory; the budget is a maximum, so set the maximum";
    private static final String CHOOSING = "Lesson 2, 'Tuning: heap size and collector': which collectors do their"
            + " marking and moving while the application runs, and which stop it for the whole job";
    private static final String HEADROOM = "Lesson 2, 'Tuning: heap size and collector': the heap must hold the live"
            + " set plus what arrives while a collection runs";

    private final Random random = new Random();

    @Test
    void staysWithinTheHeapBudget() {
        List<String> flags = flags();
        try (LabProcess lab = LabProcess.start(AllocationSpikes.class, flags, "--seconds", "0")) {
            String line = lab.awaitLine(l -> l.startsWith("max heap ") || l.contains("Error"), Duration.ofSeconds(15));
            Feedback.check(line.startsWith("max heap "),
                    "The JVM did not start with your flags " + flags + ": " + line, SIZING);
            long maxHeap = Long.parseLong(line.substring("max heap ".length()).strip());
            Feedback.check(maxHeap <= HEAP_BUDGET,
                    "With your flags " + flags + " the heap may grow to " + (maxHeap >> 20) + " MiB, over the budget.",
                    SIZING);
        }
    }

    @Test
    void meetsThePauseTargetWithoutRunningOut() throws IOException {
        List<String> flags = flags();
        Path log = Files.createTempDirectory("lesson2-tune-it").resolve("gc.log");
        List<String> withLog = new ArrayList<>(flags);
        withLog.add("-Xlog:gc*:file=" + log);
        String output;
        try (LabProcess lab = LabProcess.start(AllocationSpikes.class, withLog,
                "--seed", Long.toString(random.nextLong()), "--seconds", "6",
                "--live-mb", Integer.toString(130 + random.nextInt(31)), "--steady-mb-per-second", "60",
                "--spike-mb", "60-160", "--gap-ms", (700 + random.nextInt(200)) + "-1600", "--site", "any")) {
            lab.awaitExit(Duration.ofSeconds(17));
            output = lab.output();
        }
        Feedback.check(!output.contains("OutOfMemoryError"),
                "With your flags " + flags + " the service ran out of memory.", HEADROOM);
        Feedback.check(output.contains("done"),
                "With your flags " + flags + " the service did not run to the end:\n" + output, HEADROOM);
        GcLog gc = GcLogParser.parse(log);
        long[] pauses = gc.pauses().stream().mapToLong(p -> p.duration().toNanos()).sorted().toArray();
        if (pauses.length == 0) {
            return;
        }
        long p99 = pauses[(int) Math.ceil(pauses.length * 0.99) - 1];
        Feedback.check(p99 <= PAUSE_TARGET.toNanos(), String.format(Locale.ROOT,
                "With your flags %s (%s) the service's GC pauses reached a p99 of %.1f ms over %d pauses,"
                        + " longest %.1f ms.", flags, gc.collector(), p99 / 1e6, pauses.length,
                pauses[pauses.length - 1] / 1e6), CHOOSING);
    }

    /** The learner's flags, refused when they are not JVM options or take over the check's own logging. */
    private static List<String> flags() {
        List<String> flags = TuneIt.jvmFlags();
        Feedback.check(flags != null, "Your jvmFlags() returned null.", SIZING);
        for (String flag : flags) {
            Feedback.check(flag != null && flag.startsWith("-X") && !flag.startsWith("-Xlog")
                            && !flag.contains("FlightRecord"),
                    "Your flags contain '" + flag + "'; only heap and GC options (-X..., -XX:...) belong here,"
                            + " and the check does its own logging.", SIZING);
        }
        return List.copyOf(flags);
    }
}
