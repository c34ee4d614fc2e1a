package workbench.diagnostics.hsperf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * The JVM counts a new entry before it writes it: a reader that comes in between sees an entry of zeros, which
     * must neither fail nor hide the counter once it is written.
     */
    @Test
    void anEntryCountedBeforeItIsWrittenIsReadOnceItIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("4242");
        ByteBuffer prologue = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        prologue.order(ByteOrder.BIG_ENDIAN).putInt(0, 0xcafec0c0).order(ByteOrder.LITTLE_ENDIAN);
        prologue.put(4, (byte) 1).putInt(24, 32).putInt(28, 2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(prologue);
            channel.write(entry("test.first", 42), 32);
        }
        try (PerfData perf = PerfData.open(4242, file)) {
            assertEquals(Map.of("test.first", 42L), perf.longValues());
            assertTrue(perf.longValue("test.second").isEmpty());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(entry("test.second", 7), 32 + 48);
            }
            assertEquals(OptionalLong.of(7), perf.longValue("test.second"));
        }
    }

    /** A long counter's entry as HotSpot writes it: 20 bytes of header, the name, the value 8-byte aligned. */
    private static ByteBuffer entry(String name, long value) {
        ByteBuffer entry = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        entry.putInt(0, 48).putInt(4, 20).putInt(8, 0).put(12, (byte) 'J').put(14, (byte) 1).putInt(16, 40);
        entry.put(20, name.getBytes(StandardCharsets.US_ASCII)).putLong(40, value);
        return entry;
    }
}
