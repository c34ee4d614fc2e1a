package workbench.diagnostics.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.ChildJvm;
import workbench.diagnostics.target.Target;

class MetricsTest {

    @Test
    void catalogueHasTheOpenTelemetryJvmMetricsOnceEach() {
        List<String> names = Metrics.catalogue().stream().map(Metric::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size());
        assertTrue(names.containsAll(List.of("jvm.memory.used", "jvm.memory.committed", "jvm.memory.limit",
                "jvm.memory.used_after_last_gc", "jvm.gc.duration", "jvm.thread.count", "jvm.class.loaded",
                "jvm.class.unloaded", "jvm.class.count", "jvm.cpu.time", "jvm.cpu.count",
                "jvm.cpu.recent_utilization", "jvm.memory.allocated", "jvm.safepoint.count", "jvm.safepoint.time")));
        assertEquals(Kind.HISTOGRAM, Metrics.metric("jvm.gc.duration").kind());
        assertEquals("By", Metrics.metric("jvm.memory.used").unit());
        assertEquals(List.of("jvm.thread.state", "jvm.thread.daemon"), Metrics.metric("jvm.thread.count").attributes());
    }

    @Test
    void snapshotAgreesWithTheMxBeans() {
        Snapshot snapshot = Metrics.read();
        assertEquals(ProcessHandle.current().pid(), snapshot.pid());
        assertEquals(ManagementFactory.getThreadMXBean().getThreadCount(), snapshot.value("jvm.thread.count"), 3);
        assertEquals(Runtime.getRuntime().availableProcessors(), snapshot.value("jvm.cpu.count"));
        double heapUsed = snapshot.value("jvm.memory.used", "jvm.memory.type", "heap");
        double heapCommitted = snapshot.value("jvm.memory.committed", Attributes.of("jvm.memory.type", "heap"));
        assertTrue(heapUsed > 0 && heapUsed <= heapCommitted, heapUsed + " of " + heapCommitted);
        assertTrue(snapshot.value("jvm.memory.used", "jvm.memory.type", "non_heap") > 0);
        assertTrue(snapshot.value("jvm.class.count") > 500);
        assertTrue(snapshot.value("jvm.safepoint.count") >= 0);
        assertTrue(snapshot.value("jvm.gc.cpu_time") >= 0);
        assertTrue(snapshot.has("jvm.gc.duration"));
    }

    @Test
    void threadStatesAreCountedWithoutStacks() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        List<Thread> waiting = List.of(
                Thread.ofPlatform().daemon().start(() -> await(never)),
                Thread.ofPlatform().daemon().start(() -> await(never)));
        while (waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.sleep(5);
        }
        double daemonWaiting = Metrics.read().value("jvm.thread.count",
                "jvm.thread.state", "waiting", "jvm.thread.daemon", "true");
        never.countDown();
        assertTrue(daemonWaiting >= 2, "daemon waiting: " + daemonWaiting);
    }

    @Test
    void allocatedBytesGrowWithAllocation() {
        double before = Metrics.read().value("jvm.memory.allocated");
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[1 << 16];
        }
        double after = Metrics.read().value("jvm.memory.allocated");
        assertTrue(after - before >= garbage.length * (1 << 16), (after - before) + " bytes");
    }

    @Test
    void lookupsExplainUnknownNamesAndMissingValues() {
        Snapshot snapshot = Metrics.read();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> snapshot.value("jvm.heap"));
        assertTrue(e.getMessage().contains("catalogue"));
        assertTrue(Double.isNaN(snapshot.value("jvm.memory.used", "jvm.memory.pool.name", "no such pool")));
        assertThrows(IllegalArgumentException.class, () -> Attributes.of("odd"));
    }

    @Test
    void tableShowsEveryMetricWithReadableUnits() {
        String table = Metrics.read().toString();
        assertTrue(table.contains("jvm.memory.used"), table);
        assertTrue(table.contains("MiB") || table.contains("KiB"), table);
        assertTrue(table.contains("runnable"), table);
    }

    @Test
    void readsAnAttachedJvm() throws Exception {
        try (ChildJvm child = ChildJvm.start("-Xmx64m", "-XX:+UseSerialGC");
                Target target = Target.attach(child.pid())) {
            Snapshot snapshot = Metrics.read(target);
            assertEquals(child.pid(), snapshot.pid());
            assertEquals(64L << 20, snapshot.value("jvm.memory.limit", "jvm.memory.type", "heap"), 8L << 20);
            assertTrue(snapshot.value("jvm.thread.count") >= 2);
            assertTrue(snapshot.values("jvm.gc.duration").keySet().stream()
                    .anyMatch(a -> a.get("jvm.gc.name").equals("Copy") && a.get("jvm.gc.action").equals("end of minor GC")));
            assertFalse(Double.isNaN(snapshot.value("jvm.safepoint.count")));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
