package lesson2.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lesson2.demo.AllocationSpikes;
import workbench.lessons.harness.LabProcess;

/**
 * A short run of the allocation-spikes demo in a fresh JVM with a GC log and a JFR recording of the same
 * collections, under a chosen collector and random decorators.
 *
 * @param collectorFlag the collector's flag, such as {@code -XX:+UseZGC}
 * @param decorators    the log's decorators, as given to {@code -Xlog}
 * @param lines         the log's lines
 * @param jfr           JFR's record of the same run
 */
record LoggedRun(String collectorFlag, String decorators, List<String> lines, JfrPauses jfr) {

    private static final List<String> DECORATORS = List.of("time", "utctime", "uptime", "timemillis",
            "uptimemillis", "timenanos", "uptimenanos", "hostname", "pid", "tid", "level", "tags");

    static LoggedRun of(String collectorFlag, Random random) throws IOException {
        Path dir = Files.createTempDirectory("lesson2-gc-log");
        Path log = dir.resolve("gc.log");
        Path recording = dir.resolve("gc.jfr");
        String decorators = decorators(random);
        List<String> flags = List.of(collectorFlag, "-Xmx160m",
                "-Xlog:gc*,safepoint:file=" + log + ":" + decorators,
                "-XX:StartFlightRecording=filename=" + recording + ",settings=default");
        try (LabProcess lab = LabProcess.start(AllocationSpikes.class, flags,
                "--seed", Long.toString(random.nextLong()), "--seconds", "2", "--live-mb", "16",
                "--steady-mb-per-second", "60", "--spike-mb", "20-60", "--gap-ms", "300-700", "--site", "any")) {
            int status = lab.awaitExit(Duration.ofSeconds(17));
            if (status != 0) {
                throw new IllegalStateException("The demo's JVM failed (" + status + "):\n" + lab.output());
            }
        }
        return new LoggedRun(collectorFlag, decorators, Files.readAllLines(log), JfrPauses.read(recording));
    }

    /** "none", or a random choice of at least two decorators other than the default trio alone. */
    private static String decorators(Random random) {
        if (random.nextInt(5) == 0) {
            return "none";
        }
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < 2 || chosen.equals(List.of("uptime", "level", "tags"))) {
            chosen.clear();
            for (String decorator : DECORATORS) {
                if (random.nextInt(3) == 0) {
                    chosen.add(decorator);
                }
            }
        }
        return String.join(",", chosen);
    }

    /** The collector's name for feedback: {@code ZGC} of {@code -XX:+UseZGC}. */
    String collector() {
        String name = collectorFlag.substring("-XX:+Use".length(), collectorFlag.length() - "GC".length());
        return name.equals("Z") ? "ZGC" : name;
    }
}
