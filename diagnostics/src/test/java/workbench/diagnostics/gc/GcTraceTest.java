package workbench.diagnostics.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/** The live trace on real collections: of this JVM, and of a ZGC child JVM reached by attach. */
class GcTraceTest {

    @Test
    void notificationsReportEachCollectionOfThisJvm() throws Exception {
        BlockingQueue<GcTraceLine> lines = new LinkedBlockingQueue<>();
        try (GcTrace _ = GcTrace.start(Target.current(), lines::add)) {
            System.gc();
            GcTraceLine line = awaitLine(lines, l -> "System.gc()".equals(l.cause()));
            assertNotNull(line.heap());
            assertTrue(line.heap().committed() >= line.heap().after(), line.format());
            assertTrue(line.gcShare() >= 0 && line.gcShare() <= 1, line.format());
            assertTrue(line.format().startsWith("gc " + line.gcId() + " @"), line.format());
        }
        lines.clear();
        System.gc();
        Thread.sleep(300);
        assertTrue(lines.isEmpty(), "lines after close: " + lines);
    }

    @Test
    void jfrReportsExactPausesWithTheJvmsGcIds() throws Exception {
        BlockingQueue<GcTraceLine> lines = new LinkedBlockingQueue<>();
        try (JfrStream stream = JfrStream.current()) {
            GcTrace.onJfr(Target.current(), stream, lines::add);
            stream.startAsync();
            System.gc();
            GcTraceLine line = awaitLine(lines, l -> "System.gc()".equals(l.cause()));
            assertTrue(line.pause().toNanos() > 0 && line.pause().toNanos() % 1_000_000 != 0,
                    "a pause finer than milliseconds: " + line.format());
            assertNotNull(line.heap(), line.format());
            assertFalse(line.concurrent(), "this JVM runs " + line.collector() + ": " + line.format());
        }
    }

    @Test
    void zgcCyclesAreConcurrentAndTheirPausesShort() throws Exception {
        Path java = AllocatingChild.java(Runtime.version().feature());
        assumeTrue(AllocatingChild.supports(java, "-XX:+UseZGC"));
        BlockingQueue<GcTraceLine> lines = new LinkedBlockingQueue<>();
        Thread child = Thread.ofPlatform().daemon().start(() -> {
            try {
                AllocatingChild.run(java, List.of("-XX:+UseZGC", "-Xmx64m"), 30_000);
            } catch (Exception e) {
                // Killed at the end of the test, as intended.
            }
        });
        long pid = awaitChild();
        try (Target target = Target.attach(pid); GcTrace _ = GcTrace.start(target, lines::add)) {
            GcTraceLine line = awaitLine(lines, GcTraceLine::concurrent);
            assertEquals(Collector.ZGC, line.collector());
            assertTrue(line.pause().compareTo(line.duration()) < 0, line.format());
            assertTrue(line.format().contains("concurrent"), line.format());
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            child.join(10_000);
        }
    }

    private static long awaitChild() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var churn = ProcessHandle.current().children()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains("Churn")).orElse(false))
                    .findFirst();
            if (churn.isPresent()) {
                Thread.sleep(500);
                return churn.get().pid();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the child JVM did not start");
    }

    private static GcTraceLine awaitLine(BlockingQueue<GcTraceLine> lines, java.util.function.Predicate<GcTraceLine> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            GcTraceLine line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no matching trace line within 15 s");
    }
}
