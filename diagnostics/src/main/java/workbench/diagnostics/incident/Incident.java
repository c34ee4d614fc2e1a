package workbench.diagnostics.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.gc.GcLogParser;
import workbench.diagnostics.jfr.GcPauseRecorder;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.safepoint.VmOperationRecorder;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.threads.LeakFinder;
import workbench.diagnostics.threads.LeakSuspect;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * An incident folder written by {@link IncidentCapture}, read offline through the readers that watch a live JVM:
 * its GC pauses, VM operations and pinned sites from the JFR recording, its GC log, its thread dumps and the leak
 * suspects among them, its class histogram and its sampled metrics.
 *
 * {@snippet class="workbench.diagnostics.snippets.IncidentSnippets" region="open"}
 */
public final class Incident {

    public static final String MANIFEST = "incident.json";
    public static final String RECORDING = "recording.jfr";
    public static final String BEFORE = "before.jfr";
    public static final String GC_LOG = "gc.log";
    public static final String METRICS = "metrics.jsonl";
    public static final String CLASS_HISTOGRAM = "class-histogram.txt";

    private final Path folder;
    private final Manifest manifest;
    /** The thread dumps, read on first use: the leak suspects are found in them too. */
    private List<ThreadSnapshot> threadDumps;

    private Incident(Path folder, Manifest manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /**
     * Opens an incident folder.
     *
     * @throws IOException when the folder holds no readable {@value #MANIFEST}
     */
    public static Incident open(Path folder) throws IOException {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException(folder + " is not an incident folder: it has no " + MANIFEST);
        }
        return new Incident(folder, Manifest.read(manifest));
    }

    static String threadDump(int number) {
        return "threads-" + number + ".json";
    }

    public Path folder() {
        return folder;
    }

    /** The process id the JVM had. */
    public long pid() {
        return manifest.pid();
    }

    /** The JVM's main class or jar and arguments. */
    public String name() {
        return manifest.name();
    }

    /** The JVM's options: its collector and heap sizes among them. */
    public List<String> jvmArguments() {
        return manifest.jvmArguments();
    }

    public Instant started() {
        return Instant.parse(manifest.started());
    }

    /** How long the recording ran. */
    public Duration length() {
        return Duration.between(started(), Instant.parse(manifest.ended()));
    }

    /** One line per piece the target refused, with the reason; empty when everything was captured. */
    public List<String> missing() {
        return manifest.missing();
    }

    /** The JFR recording, for JDK Mission Control, {@code jfr print} or {@link workbench.diagnostics.jfr.JfrStream}. */
    public Path recording() {
        return folder.resolve(RECORDING);
    }

    /** What the JVM's own recordings held when the capture began: the minutes before it, if it kept any. */
    public Optional<Path> recordingBefore() {
        Path before = folder.resolve(BEFORE);
        return Files.isRegularFile(before) ? Optional.of(before) : Optional.empty();
    }

    /** The collections the recording holds, with their pauses. */
    public GcPauseRecorder gcPauses() throws IOException {
        return GcPauseRecorder.read(recording());
    }

    /** Every VM operation of the recording, safepoints and their callers among them. */
    public List<VmOperation> vmOperations() throws IOException {
        return VmOperationRecorder.read(recording());
    }

    /** Where virtual threads were pinned, worst site first. */
    public List<PinnedSite> pinnedSites() throws IOException {
        return PinnedSite.of(PinningRecorder.read(recording()));
    }

    /** The GC log of the same seconds, when the target let it be written. */
    public Optional<GcLog> gcLog() {
        Path log = folder.resolve(GC_LOG);
        return Files.isRegularFile(log) ? Optional.of(GcLogParser.parse(log)) : Optional.empty();
    }

    /** The thread dumps, oldest first; their threads' counts of waits are unknown (-1). */
    public synchronized List<ThreadSnapshot> threadDumps() throws IOException {
        if (threadDumps == null) {
            List<ThreadSnapshot> dumps = new ArrayList<>();
            for (int number = 1; number <= IncidentCapture.THREAD_DUMPS; number++) {
                Path dump = folder.resolve(threadDump(number));
                if (Files.isRegularFile(dump)) {
                    dumps.add(ThreadSnapshots.fromJson(dump));
                }
            }
            threadDumps = List.copyOf(dumps);
        }
        return threadDumps;
    }

    /**
     * What {@link LeakFinder} finds in the thread dumps: groups whose threads were born and got stuck during the
     * capture, at three different dumps, and stayed stuck. A capture is a short watch: a pool that fills up slowly
     * just then looks the same.
     */
    public List<LeakSuspect> leakSuspects() throws IOException {
        List<ThreadSnapshot> dumps = threadDumps();
        return dumps.size() < 3 ? List.of() : new LeakFinder().find(dumps);
    }

    /** The heap's classes by instances and bytes, as {@code jcmd GC.class_histogram} prints them; empty if missing. */
    public String classHistogram() throws IOException {
        Path histogram = folder.resolve(CLASS_HISTOGRAM);
        return Files.isRegularFile(histogram) ? Files.readString(histogram) : "";
    }

    /** A sampled metric summed over the attribute sets that contain {@code filter}, as {@code Sampler.series} is. */
    public TimeSeries series(String name, Attributes filter) throws IOException {
        return MetricsFile.series(folder.resolve(METRICS), name, filter);
    }

    /** A sampled metric over all its attribute sets. */
    public TimeSeries series(String name) throws IOException {
        return series(name, Attributes.EMPTY);
    }
}
