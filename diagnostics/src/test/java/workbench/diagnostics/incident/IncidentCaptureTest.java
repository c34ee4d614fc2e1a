package workbench.diagnostics.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakSuspect;

/**
 * One capture of a child JVM that allocates, leaks a thread every 150 ms and keeps a JFR recording of its own, read
 * back offline: every piece is there, each reader finds what the child did, the JDK's own {@code jfr} tool reads the
 * recording, and the child's logging is as it was.
 */
@Timeout(120)
class IncidentCaptureTest {

    private static Process child;
    private static Incident incident;
    private static String loggingAfter;

    @TempDir
    static Path folder;

    @BeforeAll
    static void captureAChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-Xmx64m", "-XX:StartFlightRecording:maxage=2m", "-Xlog:jfr+startup=off",
                "-cp", System.getProperty("java.class.path"), IncidentCaptureTest.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        assertEquals("ready", out.readLine());
        try (Target target = Target.attach(child.pid())) {
            incident = IncidentCapture.capture(target, folder.resolve("incident"), Duration.ofSeconds(5));
            loggingAfter = new DiagnosticCommands(target).run("vmLog", "list");
        }
    }

    @AfterAll
    static void stopTheChild() throws InterruptedException {
        child.destroy();
        child.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void holdsEveryPieceAndNamesTheJvm() throws IOException {
        assertEquals(List.of(), incident.missing());
        assertEquals(child.pid(), incident.pid());
        assertTrue(incident.name().contains(IncidentCaptureTest.class.getName()), incident.name());
        assertTrue(incident.jvmArguments().contains("-Xmx64m"), incident.jvmArguments().toString());
        assertTrue(incident.length().compareTo(Duration.ofSeconds(5)) >= 0, incident.length().toString());
        for (String file : List.of(Incident.RECORDING, Incident.GC_LOG, Incident.METRICS, Incident.CLASS_HISTOGRAM,
                "threads-1.json", "threads-5.json")) {
            assertTrue(Files.size(incident.folder().resolve(file)) > 0, file);
        }
        assertTrue(incident.classHistogram().contains("[B"), incident.classHistogram());
    }

    @Test
    void theReadersFindWhatTheChildDid() throws IOException {
        assertTrue(incident.gcPauses().collectionCount() > 0);
        assertFalse(incident.gcLog().orElseThrow().pauses().isEmpty());
        assertTrue(incident.vmOperations().stream().anyMatch(VmOperation::atSafepoint));
        assertEquals(5, incident.threadDumps().size());
        List<LeakSuspect> suspects = incident.leakSuspects();
        assertTrue(suspects.stream().anyMatch(suspect -> suspect.group().startsWith("stuck")), suspects.toString());
        TimeSeries threads = incident.series("jvm.thread.count");
        assertTrue(threads.latestValue() > threads.points().getFirst().value() + 10, threads.toString());
    }

    @Test
    void theJdksJfrToolReadsTheRecording() throws Exception {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process summary = new ProcessBuilder(jfr.toString(), "summary", incident.recording().toString())
                .redirectErrorStream(true).start();
        String printed = new String(summary.getInputStream().readAllBytes());
        assertEquals(0, summary.waitFor(), printed);
        assertTrue(printed.contains("jdk.GarbageCollection") && printed.contains("jdk.ExecuteVMOperation"), printed);
    }

    /** The child keeps a recording of its own from its start, so the minutes before the capture are there too. */
    @Test
    void theChildsOwnRecordingGivesWhatCameBefore() throws IOException {
        Instant earliest = RecordingFile.readAllEvents(incident.recordingBefore().orElseThrow()).stream()
                .map(RecordedEvent::getStartTime).min(Comparator.naturalOrder()).orElseThrow();
        assertTrue(earliest.isBefore(incident.started()), earliest + " not before " + incident.started());
    }

    @Test
    void theTargetsLoggingIsAsItWas() {
        assertFalse(loggingAfter.contains(Incident.GC_LOG), loggingAfter);
    }

    @Test
    void aFolderThatHoldsFilesIsRefusedAndLeftAlone() throws IOException {
        Path used = Files.createDirectories(folder.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        IOException refused = assertThrows(IOException.class,
                () -> IncidentCapture.capture(Target.current(), used, Duration.ofSeconds(5)));
        assertTrue(refused.getMessage().contains("already holds files"), refused.getMessage());
        try (Stream<Path> files = Files.list(used)) {
            assertEquals(List.of(used.resolve("notes.txt")), files.toList());
        }
    }

    /** The child: churns through small arrays, and starts a thread every 150 ms that parks forever. */
    public static void main(String[] args) {
        Thread.ofPlatform().daemon().start(() -> {
            Object[] kept = new Object[2_000];
            for (long n = 0; ; n++) {
                kept[(int) (n % kept.length)] = new byte[8_000];
            }
        });
        System.out.println("ready");
        System.out.flush();
        for (int n = 1; n < 400; n++) {
            Object lock = new Object();
            Thread.ofPlatform().name("stuck-" + n).daemon().start(() -> LockSupport.park(lock));
            LockSupport.parkNanos(150_000_000L);
        }
    }
}
