package lesson2.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import workbench.harness.LabProcess;

/**
 * GC logs of the running JDK, written by short runs of the allocation-spikes demo under every collector at once,
 * each with a random heap, load and set of decorators. The heaps are small, so that a second and a half holds
 * young, mixed and concurrent collections; the last collection is a full one ({@link LoggedDemo}).
 */
final class LiveGcLogs {

    /**
     * Each collector's flags and smallest heap. G1 starts its concurrent cycles early, so that every log holds
     * Remark and Cleanup; the concurrent collectors need twice the room, for what arrives while they collect.
     */
    static final Map<String, Setup> COLLECTORS = collectors();

    /** A collector's flags and the smallest heap it gets, in MiB. */
    record Setup(List<String> flags, int heapMb) {
    }

    private LiveGcLogs() {
    }

    private static Map<String, Setup> collectors() {
        Map<String, Setup> collectors = new LinkedHashMap<>();
        collectors.put("G1", new Setup(
                List.of("-XX:+UseG1GC", "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=20"), 64));
        collectors.put("Parallel", new Setup(List.of("-XX:+UseParallelGC"), 64));
        collectors.put("Serial", new Setup(List.of("-XX:+UseSerialGC"), 64));
        collectors.put("ZGC", new Setup(List.of("-XX:+UseZGC"), 128));
        collectors.put("Shenandoah", new Setup(List.of("-XX:+UseShenandoahGC"), 128));
        return collectors;
    }

    /**
     * Runs every collector at once and returns each one's log lines, by collector.
     *
     * @param decorators each collector's decorators, as {@code -Xlog} takes them
     */
    static Map<String, List<String>> write(Map<String, String> decorators, Random random) {
        try {
            Path dir = Files.createTempDirectory("lesson2-gc-logs");
            Map<String, LabProcess> runs = new LinkedHashMap<>();
            Map<String, List<String>> logs = new LinkedHashMap<>();
            try {
                for (var collector : COLLECTORS.entrySet()) {
                    Setup setup = collector.getValue();
                    List<String> flags = new ArrayList<>(setup.flags());
                    flags.add("-Xmx" + (setup.heapMb() + random.nextInt(setup.heapMb() / 4 + 1)) + "m");
                    flags.add("-Xlog:gc*,safepoint:file=" + dir.resolve(collector.getKey() + ".log") + ":"
                            + decorators.get(collector.getKey()));
                    runs.put(collector.getKey(), LabProcess.start(LoggedDemo.class, flags,
                            "--seed", Long.toString(random.nextLong()), "--seconds", "1.5",
                            "--live-mb", Integer.toString(8 + random.nextInt(9)),
                            "--steady-mb-per-second", Integer.toString(40 + random.nextInt(41)),
                            "--spike-mb", "16-32", "--gap-ms", "300-700", "--site", "any"));
                }
                for (var run : runs.entrySet()) {
                    int status = run.getValue().awaitExit(Duration.ofSeconds(25));
                    if (status != 0) {
                        throw new IllegalStateException("The demo's JVM under " + run.getKey() + " failed (" + status
                                + "):\n" + run.getValue().output());
                    }
                    logs.put(run.getKey(), Files.readAllLines(dir.resolve(run.getKey() + ".log")));
                }
            } finally {
                runs.values().forEach(LabProcess::close);
            }
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
