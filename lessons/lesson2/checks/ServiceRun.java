package lesson2.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import lesson2.demo.AllocationSpikes;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.gc.GcLogParser;
import workbench.harness.LabProcess;

/**
 * One run of the allocation-spikes service with a set of JVM flags and a GC log, and every time its threads
 * waited for the collector: the stop-the-world pauses, and the allocation stalls in which ZGC holds a thread that
 * asked for memory it has not freed yet (the log's "Allocation Stall (thread) 12.3ms" lines).
 *
 * @param output    what the service printed
 * @param collector the collector the log names
 * @param pauses    each stop-the-world pause, in nanoseconds
 * @param stalls    each allocation stall, in nanoseconds
 */
record ServiceRun(String output, String collector, long[] pauses, long[] stalls) {

    private static final Pattern STALL = Pattern.compile(".*Allocation Stall \\(.*\\) (\\d+(?:\\.\\d+)?)ms\\s*");

    /** The load of one check: a large random live set, the steady rate of the exercise, random spikes. */
    record Load(long seed, int liveMb, int minGapMs) {

        List<String> arguments() {
            return List.of("--seed", Long.toString(seed), "--seconds", "5", "--live-mb", Integer.toString(liveMb),
                    "--steady-mb-per-second", "60", "--spike-mb", "60-160", "--gap-ms", minGapMs + "-1600",
                    "--site", "any");
        }
    }

    static ServiceRun of(List<String> flags, Load load) {
        try {
            Path log = Files.createTempDirectory("lesson2-tune-it").resolve("gc.log");
            List<String> withLog = new ArrayList<>(flags);
            withLog.add("-Xlog:gc*:file=" + log);
            String output;
            try (LabProcess lab = LabProcess.start(AllocationSpikes.class, withLog,
                    load.arguments().toArray(String[]::new))) {
                lab.awaitExit(Duration.ofSeconds(20));
                output = lab.output();
            }
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            GcLog gc = GcLogParser.parseLines(lines);
            long[] pauses = gc.pauses().stream().filter(p -> p.duration() != null)
                    .mapToLong(p -> p.duration().toNanos()).sorted().toArray();
            long[] stalls = lines.stream().map(STALL::matcher).filter(Matcher::matches)
                    .mapToLong(m -> Math.round(Double.parseDouble(m.group(1)) * 1e6)).sorted().toArray();
            return new ServiceRun(output, gc.collector().toString(), pauses, stalls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 99th percentile of every wait, pauses and stalls together, in nanoseconds; 0 without any. */
    long p99() {
        return p99(LongStream.concat(LongStream.of(pauses), LongStream.of(stalls)).sorted().toArray());
    }

    /** The 99th percentile of the stop-the-world pauses alone, in nanoseconds; 0 without any. */
    long pauseP99() {
        return p99(pauses);
    }

    private static long p99(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    }

    /** Whether the longest waits were stalls rather than pauses. */
    boolean stallsWorst() {
        return stalls.length > 0 && (pauses.length == 0 || stalls[stalls.length - 1] >= pauses[pauses.length - 1]);
    }

    boolean ranOutOfMemory() {
        return output.contains("OutOfMemoryError");
    }

    boolean finished() {
        return output.contains("done");
    }
}
