package workbench.diagnostics.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.safepoint.VmOperationRecorder;
import workbench.diagnostics.target.ChildJvm;
import workbench.diagnostics.target.Target;

class JfrStreamTest {

    static volatile Object sink;

    @Test
    void throttledAllocationSamplesArriveButStayFew() {
        AtomicLong samples = new AtomicLong();
        try (JfrStream stream = JfrStream.current()) {
            stream.enableAllocationSamples(50);
            stream.onEvent("jdk.ObjectAllocationSample", event -> samples.incrementAndGet());
            stream.startAsync();
            long end = System.nanoTime() + 1_500_000_000L;
            long allocations = 0;
            while (System.nanoTime() < end) {
                sink = new byte[1024];
                allocations++;
            }
            stream.stop();
            assertTrue(samples.get() > 0, "no samples");
            // 50/s over 1.5 s, with generous room for the throttle's burst allowance.
            assertTrue(samples.get() < 500, samples.get() + " samples of " + allocations + " allocations");
        }
    }

    @Test
    void aDumpReadsBackAsTheCollectionsSeenLiveAndTheJdksToolReadsIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("gc.jfr");
        AtomicLong live = new AtomicLong();
        try (JfrStream stream = JfrStream.current()) {
            stream.enable("jdk.GCPhasePause");
            stream.enable("jdk.GarbageCollection");
            stream.onEvent("jdk.GarbageCollection", event -> live.incrementAndGet());
            stream.startAsync();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            stream.stop();
            stream.dump(file);
        }
        GcPauseRecorder read = GcPauseRecorder.read(file);

        assertTrue(live.get() >= 3, live.get() + " collections seen live");
        assertEquals(live.get(), read.collectionCount(), "collections read back from the dump");
        assertTrue(read.collections().stream().anyMatch(gc -> gc.cause().equals("System.gc()")));
        assertTrue(read.pauses().snapshot().count() >= 3, read.pauses().snapshot().toString());
        String summary = jfrSummary(file);
        assertTrue(summary.contains("jdk.GarbageCollection"), summary);
    }

    @Test
    void aDumpOfAnAttachedJvmIsWrittenOnThisSide(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("operations.jfr");
        try (ChildJvm child = ChildJvm.start("-Xmx64m");
             Target target = Target.attach(child.pid());
             JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.ExecuteVMOperation");
            stream.startAsync();
            Thread.sleep(500);   // let the remote recording start
            target.memory().gc();
            stream.stop();
            stream.dump(file);
        }
        List<VmOperation> operations = VmOperationRecorder.read(file);

        assertTrue(operations.stream().anyMatch(op -> op.atSafepoint() && op.name().contains("Collect")),
                operations.toString());
    }

    @Test
    void aStreamOverAFileEnablesNothing(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("empty.jfr");
        try (JfrStream stream = JfrStream.current()) {
            stream.startAsync();
            stream.stop();
            stream.dump(file);
        }
        try (JfrStream stream = JfrStream.openFile(file)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> stream.enable("jdk.GCPhasePause"));
            assertTrue(refused.getMessage().contains("recording file"), refused.getMessage());
            assertThrows(IllegalStateException.class, () -> stream.dump(folder.resolve("again.jfr")));
        }
    }

    /** What the JDK's own {@code jfr} tool makes of a recording file: it fails on one that is not well formed. */
    private static String jfrSummary(Path file) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Process process = new ProcessBuilder(jfr.toString(), "summary", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    @Test
    void currentTargetStreamsLocally() throws Exception {
        try (JfrStream stream = JfrStream.open(Target.current())) {
            assertTrue(stream.stream() instanceof jdk.jfr.consumer.RecordingStream);
        }
    }
}
