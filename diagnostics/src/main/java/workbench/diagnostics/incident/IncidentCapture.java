package workbench.diagnostics.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.management.jfr.FlightRecorderMXBean;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Captures an incident: over a few seconds, everything a person needs to tell later what a JVM was doing, written
 * to one folder that {@link Incident} reads back on any machine.
 *
 * <ul>
 *   <li>{@value Incident#BEFORE}: the minutes before the capture, when the target keeps JFR recordings of its own
 *       ({@code -XX:StartFlightRecording:maxage=10m}, say, or {@code jcmd JFR.start}): everything they hold, as
 *       {@code jcmd JFR.dump} writes it;</li>
 *   <li>{@value Incident#RECORDING}: a JFR recording with the JDK's {@code default} configuration, which JDK Mission
 *       Control and {@code jfr print} open, plus every VM operation and pinned virtual thread however short, and
 *       throttled allocation samples with their stacks;</li>
 *   <li>{@value Incident#GC_LOG}: the unified GC log of the same seconds ({@code gc*} and {@code safepoint}), turned
 *       on in the target through {@code VM.log} and off again at the end;</li>
 *   <li>{@code threads-1.json} to {@code threads-5.json}: JSON thread dumps spread evenly from the first second to
 *       the last, virtual threads included, which stop no thread at a safepoint. Five over the whole capture,
 *       because the leak finder tells a steady leak from a pool that filled up once by threads born and stuck at
 *       three different dumps that stay stuck for the last third of the watch: three dumps cannot show that, and a
 *       leak of one thread a second needs seconds to show it;</li>
 *   <li>{@value Incident#METRICS}: the library's metrics, sampled once a second;</li>
 *   <li>{@value Incident#CLASS_HISTOGRAM}: the heap's classes by size, taken last, because it runs a full
 *       collection that would otherwise be part of the evidence;</li>
 *   <li>{@value Incident#MANIFEST}: which JVM, when, and anything the target refused.</li>
 * </ul>
 *
 * <p>A piece the target refuses (GC logging in a JVM that forbids {@code VM.log}, say) is named in the manifest and
 * the rest is still captured.
 */
public final class IncidentCapture {

    /** How long a capture records when not told otherwise. */
    public static final Duration DEFAULT_LENGTH = Duration.ofSeconds(10);
    static final int THREAD_DUMPS = 5;
    private static final Duration SHORTEST = Duration.ofSeconds(5);
    private static final Duration SAMPLING = Duration.ofSeconds(1);

    private IncidentCapture() {
    }

    /**
     * Records the target for {@code length} into {@code folder}, which must be new or empty, and opens the result.
     *
     * @param length at least 5 s, over which the thread dumps are spread
     * @throws IOException          when the folder cannot be written or the target's JFR cannot be reached
     * @throws InterruptedException when interrupted while recording; the folder then holds what was written
     */
    public static Incident capture(Target target, Path folder, Duration length)
            throws IOException, InterruptedException {
        if (length.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("an incident takes at least " + SHORTEST.toSeconds() + " s, over"
                    + " which its " + THREAD_DUMPS + " thread dumps are spread");
        }
        prepare(folder);
        List<String> missing = new ArrayList<>();
        DiagnosticCommands commands = new DiagnosticCommands(target);
        Path gcLog = folder.resolve(Incident.GC_LOG).toAbsolutePath();
        Instant started;
        Instant ended;
        dumpRecordingsBefore(target, commands, folder.resolve(Incident.BEFORE).toAbsolutePath(), missing);
        try (JfrStream recording = startRecording(target);
             Sampler sampler = Sampler.start(target, SAMPLING, (int) length.dividedBy(SAMPLING) + 2)) {
            boolean logging = startGcLog(commands, gcLog, missing);
            started = Instant.now();  // starting a remote recording can take a second: the watch begins after it
            try {
                Duration between = length.dividedBy(THREAD_DUMPS - 1);
                for (int dump = 1; dump <= THREAD_DUMPS; dump++) {
                    Duration untilDump = Duration.between(Instant.now(), started.plus(between.multipliedBy(dump - 1)));
                    if (untilDump.isPositive()) {
                        Thread.sleep(untilDump);
                    }
                    dumpThreads(target, folder.resolve(Incident.threadDump(dump)), missing);
                }
            } finally {
                ended = Instant.now();
                if (logging) {
                    stopGcLog(commands, gcLog);
                }
            }
            // Delivering and writing what the target recorded takes seconds of its own: not part of the watch.
            recording.stop();
            recording.dump(folder.resolve(Incident.RECORDING));
            MetricsFile.write(folder.resolve(Incident.METRICS), sampler.snapshots());
        }
        classHistogram(commands, folder.resolve(Incident.CLASS_HISTOGRAM), missing);
        Manifest.write(folder.resolve(Incident.MANIFEST), new Manifest(target.pid(), target.displayName(),
                target.runtime().getInputArguments(), started.toString(), ended.toString(), missing));
        return Incident.open(folder);
    }

    private static void prepare(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            if (files.findAny().isPresent()) {
                throw new IOException(folder + " already holds files; an incident needs a folder of its own");
            }
        }
    }

    private static void dumpRecordingsBefore(Target target, DiagnosticCommands commands, Path file,
                                             List<String> missing) {
        try {
            FlightRecorderMXBean recorder = ManagementFactory.getPlatformMXBean(target.connection(),
                    FlightRecorderMXBean.class);
            if (recorder.getRecordings().stream().anyMatch(recording -> recording.getState().equals("RUNNING"))) {
                commands.run("jfrDump", "filename=" + file);
            }
        } catch (IOException | RuntimeException e) {
            missing.add(Incident.BEFORE + ": " + e.getMessage());
        }
    }

    private static JfrStream startRecording(Target target) throws IOException {
        JfrStream recording = JfrStream.open(target);
        try {
            recording.useConfiguration("default");
            recording.enable("jdk.ExecuteVMOperation");
            recording.enable("jdk.VirtualThreadPinned").withStackTrace();
            recording.enableAllocationSamples(JfrStream.DEFAULT_ALLOCATION_SAMPLES_PER_SECOND).withStackTrace();
            recording.startAsync();
            return recording;
        } catch (IOException | RuntimeException e) {
            recording.close();  // an attached target's remote recording would otherwise outlive this failed start
            throw e;
        }
    }

    /** The same output {@code -Xlog:gc*,safepoint:file=...:uptime,level,tags} gives, from now on. */
    private static boolean startGcLog(DiagnosticCommands commands, Path file, List<String> missing) {
        try {
            commands.run("vmLog", "output=file=" + file, "output_options=filecount=0",
                    "what=gc*=info,safepoint=info", "decorators=uptime,level,tags");
            return true;
        } catch (IOException e) {
            missing.add(Incident.GC_LOG + ": " + e.getMessage());
            return false;
        }
    }

    /** Turning every tag off removes the output: the target's own logging stays as it was. */
    private static void stopGcLog(DiagnosticCommands commands, Path file) throws IOException {
        commands.run("vmLog", "output=file=" + file, "what=all=off");
    }

    private static void dumpThreads(Target target, Path file, List<String> missing) {
        try {
            ThreadSnapshots.dumpTo(target, file);
        } catch (IOException | UncheckedIOException e) {
            missing.add(file.getFileName() + ": " + e.getMessage());
        }
    }

    private static void classHistogram(DiagnosticCommands commands, Path file, List<String> missing)
            throws IOException {
        String histogram;
        try {
            histogram = commands.run("gcClassHistogram");
        } catch (IOException e) {
            missing.add(Incident.CLASS_HISTOGRAM + ": " + e.getMessage());
            return;
        }
        Files.writeString(file, histogram);
    }
}
