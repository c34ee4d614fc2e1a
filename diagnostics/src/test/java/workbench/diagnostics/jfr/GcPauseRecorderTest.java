package workbench.diagnostics.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.target.ChildJvm;
import workbench.diagnostics.target.Target;

class GcPauseRecorderTest {

    @Test
    void fullCollectionsOfThisJvmArePausesInTheHistogram() throws Exception {
        try (GcPauseRecorder recorder = GcPauseRecorder.start(Target.current())) {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            recorder.stop();
            HistogramSnapshot pauses = recorder.pauses().snapshot();
            assertTrue(pauses.count() >= 3, pauses.toString());
            assertTrue(recorder.collectionCount() >= 3);
            assertTrue(recorder.collections().stream().anyMatch(gc -> gc.cause().equals("System.gc()")));
            // A full G1 collection is one pause: the pause histogram and the collections agree.
            assertEquals(recorder.totalPauseTime().toNanos(), pauses.sum(), pauses.sum() * 0.05 + 1_000);
        }
    }

    @Test
    void aZgcCycleInAnotherJvmIsMostlyConcurrentNotPaused() throws Exception {
        try (ChildJvm child = ChildJvm.start("-XX:+UseZGC", "-Xmx128m");
                Target target = Target.attach(child.pid());
                GcPauseRecorder recorder = GcPauseRecorder.start(target)) {
            Thread.sleep(500);   // let the remote recording start
            target.memory().gc();
            target.memory().gc();
            recorder.stop();
            assertTrue(recorder.collectionCount() >= 2, recorder.collections().toString());
            assertTrue(recorder.collections().stream().allMatch(gc -> gc.name().startsWith("Z")),
                    recorder.collections().toString());
            Duration paused = recorder.totalPauseTime();
            Duration concurrent = recorder.totalConcurrentTime();
            assertTrue(concurrent.compareTo(paused) > 0, "paused " + paused + ", concurrent " + concurrent);
            assertTrue(recorder.pauses().snapshot().count() >= 6, recorder.pauses().snapshot().toString());
        }
    }
}
