package workbench.diagnostics.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;

/** The scheduler of real JVMs: children held in known states, and the JVM running the tests. */
class SchedReaderTest {

    private final List<Process> children = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        targets.forEach(Target::close);
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void readsTheSchedulerOfAJvmWhoseCarriersAreAllPinned() throws IOException {
        Target target = child(3, "waiting=4", "pinned=3", "queued=5", "blocked=2");

        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();

            assertEquals(3, line.parallelism(), line.format());
            assertEquals(3, line.carriers(), line.format());
            assertEquals(3, line.mounted(), line.format());
            assertEquals(5, line.queued(), line.format());
            assertEquals(2, line.platformThreads(Thread.State.BLOCKED), line.format());
            assertEquals(target.threads().getThreadCount(), line.platformThreadCount(), 2, line.format());
            assertTrue(line.safepoints() >= 0 && line.cpuCores() >= 0, line.format());
            assertEquals(target.operatingSystem().getAvailableProcessors(), line.processors());
        }
    }

    @Test
    void mountedCountsOnlyTheCarriersInUse() throws IOException {
        Target target = child(4, "waiting=6", "pinned=1");

        try (SchedReader reader = SchedReader.open(target)) {
            SchedLine line = reader.read();

            assertEquals(4, line.parallelism(), line.format());
            assertEquals(1, line.mounted(), line.format());
            assertEquals(0, line.queued(), line.format());
        }
    }

    @Test
    void eachReadCoversTheTimeSinceTheOneBefore() throws Exception {
        try (SchedReader reader = SchedReader.open(Target.current())) {
            Thread.sleep(300);
            SchedLine first = reader.read();
            Thread.sleep(100);
            SchedLine second = reader.read();

            assertTrue(first.interval().compareTo(Duration.ofMillis(300)) >= 0, first.format());
            assertTrue(second.interval().compareTo(Duration.ofMillis(250)) < 0, second.format());
            assertTrue(second.uptime().compareTo(first.uptime()) > 0);
            assertTrue(first.schedulerKnown() && first.parallelism() >= 1, first.format());
            assertTrue(first.platformThreads(Thread.State.RUNNABLE) >= 1, first.format());
        }
    }

    @Test
    void aClosedReaderRefusesToRead() throws IOException {
        SchedReader reader = SchedReader.open(Target.current());
        reader.close();

        assertThrows(IllegalStateException.class, reader::read);
    }

    @Test
    void aTraceHandsOverOneLinePerInterval() throws Exception {
        List<SchedLine> lines = new CopyOnWriteArrayList<>();
        try (SchedTrace trace = SchedTrace.start(Target.current(), Duration.ofMillis(100), lines::add)) {
            Thread.sleep(1_050);
        }
        int traced = lines.size();
        Thread.sleep(300);

        assertTrue(traced >= 6 && traced <= 11, traced + " lines");
        assertEquals(traced, lines.size(), "no line after close");
        assertTrue(lines.stream().allMatch(line -> line.platformThreadCount() > 0));
    }

    /** A child JVM in the state the arguments describe, attached. */
    private Target child(int parallelism, String... state) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx64m", "--enable-native-access=ALL-UNNAMED",
                "-Djdk.virtualThreadScheduler.parallelism=" + parallelism,
                "-cp", System.getProperty("java.class.path"), VirtualThreadsChild.class.getName()));
        command.addAll(List.of(state));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(child);
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals(VirtualThreadsChild.READY)) {
            // skip anything the child prints before it is ready
        }
        Target target = Target.attach(child.pid());
        targets.add(target);
        return target;
    }
}
