package workbench.diagnostics.hsperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class PerfDataTest {

    private static final long PID = ProcessHandle.current().pid();

    @Test
    void countersMatchWhatTheJvmReportsThroughMxBeans() throws IOException {
        try (PerfData perf = PerfData.open(PID)) {
            long liveThreads = perf.longValue("java.threads.live").orElseThrow();
            assertEquals(ManagementFactory.getThreadMXBean().getThreadCount(), liveThreads, 3);
            assertTrue(perf.stringValue("sun.rt.javaCommand").isPresent());
            assertEquals(System.getProperty("java.vm.version"), perf.stringValue("java.property.java.vm.version").orElseThrow());
        }
    }

    @Test
    void safepointCounterGrowsWithAFullGc() throws IOException {
        try (PerfData perf = PerfData.open(PID)) {
            long before = perf.longValue("sun.rt.safepoints").orElseThrow();
            double timeBefore = perf.seconds("sun.rt.safepointTime").orElseThrow();
            System.gc();
            assertTrue(perf.longValue("sun.rt.safepoints").orElseThrow() > before);
            assertTrue(perf.seconds("sun.rt.safepointTime").orElseThrow() > timeBefore);
        }
    }

    @Test
    void unknownCounterIsEmptyAndListingHasHundreds() throws IOException {
        try (PerfData perf = PerfData.open(PID)) {
            assertTrue(perf.longValue("no.such.counter").isEmpty());
            assertTrue(perf.longValues().size() > 100, "counters: " + perf.longValues().size());
        }
    }

    @Test
    void readsAfterCloseFailAndMissingPidIsReported() throws IOException {
        PerfData perf = PerfData.open(PID);
        perf.close();
        assertThrows(IllegalStateException.class, () -> perf.longValue("sun.rt.safepoints"));
        assertThrows(IOException.class, () -> PerfData.open(Long.MAX_VALUE / 2));
    }
}
