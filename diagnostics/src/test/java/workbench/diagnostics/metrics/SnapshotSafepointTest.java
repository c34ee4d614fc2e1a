package workbench.diagnostics.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;

/** A snapshot must never stop the world; a thread dump always does, which shows the count can fail. */
class SnapshotSafepointTest {

    @Test
    void tenThousandSnapshotsCauseNoSafepointBeyondGarbageCollection() {
        Metrics.read();   // warm up: class loading and first-use initialisation
        long extra = safepointsBesidesGc(10_000, Metrics::read);
        assertTrue(extra <= 10, extra + " safepoints besides GC over 10,000 snapshots");
    }

    @Test
    void controlThreadDumpsDoCauseSafepoints() {
        long extra = safepointsBesidesGc(200,
                () -> ManagementFactory.getThreadMXBean().dumpAllThreads(false, false));
        assertTrue(extra >= 200, extra + " safepoints besides GC over 200 thread dumps");
    }

    private static long safepointsBesidesGc(int times, Runnable action) {
        try (SafepointCounter counter = Safepoints.current()) {
            long gcBefore = collections();
            long before = counter.count();
            for (int i = 0; i < times; i++) {
                action.run();
            }
            return (counter.count() - before) - (collections() - gcBefore);
        }
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
