package workbench.diagnostics.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * Pinned events of real virtual threads: a class initializer and monitors in this JVM, and a native callback
 * that blocks, in a child JVM that pins a carrier for 5 ms again and again.
 */
class PinningRecorderTest {

    private static final String NATIVE = "Native or VM frame on stack";
    private static final Object MONITOR = new Object();

    private static Process child;
    private static Target target;

    @BeforeAll
    static void startChild() throws IOException {
        child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx64m",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                VirtualThreadsChild.class.getName(), "pinEveryMillis=5").redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals(VirtualThreadsChild.READY)) {
            // skip anything the child prints before it is ready
        }
        target = Target.attach(child.pid());
    }

    @AfterAll
    static void stopChild() {
        if (target != null) {
            target.close();
        }
        child.destroyForcibly();
    }

    /** Sleeps in its static initializer, which pins the virtual thread that initializes it. */
    private static final class SlowToInitialize {
        static {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aClassInitializerPinsAndMonitorsNoLongerDo() throws Exception {
        try (PinningRecorder recorder = PinningRecorder.start(Target.current())) {
            Thread.ofVirtual().start(() -> {
                synchronized (MONITOR) {
                    sleep(30);
                }
            }).join();
            Thread.ofVirtual().start(() -> {
                synchronized (MONITOR) {
                    try {
                        MONITOR.wait(30);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }).join();
            Thread.ofVirtual().name("initializer").start(SlowToInitialize::touch).join();

            List<PinnedEvent> events = recorder.stop();

            assertEquals(1, events.size(), events.toString());
            PinnedEvent pinned = events.getFirst();
            assertEquals(SlowToInitialize.class.getName() + ".<clinit>", pinned.site());
            assertEquals("VM call to " + SlowToInitialize.class.getName() + ".<clinit> on stack", pinned.reason());
            assertEquals("initializer", pinned.thread());
            assertTrue(pinned.carrier().startsWith("ForkJoinPool-"), pinned.carrier());
            assertTrue(pinned.duration().compareTo(Duration.ofMillis(25)) >= 0, pinned.toString());
            assertTrue(pinned.stack().getFirst().startsWith("java.lang.VirtualThread."), pinned.stack().toString());
        }
    }

    @Test
    void recordsEveryShortPinOfANativeCallbackGroupedBySite() throws Exception {
        try (PinningRecorder recorder = PinningRecorder.start(target)) {
            Thread.sleep(1_500);
            List<PinnedSite> sites = PinnedSite.of(recorder.stop());

            assertEquals(1, sites.size(), sites.toString());
            PinnedSite site = sites.getFirst();
            assertEquals(VirtualThreadsChild.class.getName() + ".sleep", site.site());
            assertEquals(Set.of(NATIVE), site.reasons());
            assertTrue(site.count() >= 30, site.toString());
            assertTrue(site.longest().compareTo(Duration.ofMillis(20)) < 0, site.toString());
            assertTrue(site.stack().stream().anyMatch(frame -> frame.startsWith("jdk.internal.foreign.abi.")),
                    site.stack().toString());
        }
    }

    @Test
    void aThresholdKeepsOnlyTheLongerPinsLikeJfrsOwnSettings() throws Exception {
        try (PinningRecorder every = PinningRecorder.start(target);
             PinningRecorder longer = PinningRecorder.start(target, Duration.ofMillis(20))) {
            Thread.sleep(1_500);
            List<PinnedEvent> all = every.stop();
            List<PinnedEvent> kept = longer.stop();

            assertTrue(kept.stream().allMatch(pin -> pin.duration().compareTo(Duration.ofMillis(20)) >= 0),
                    kept.toString());
            assertTrue(kept.size() * 10 < all.size(), kept.size() + " of " + all.size() + " pins kept");
        }
    }

    @Test
    void aDumpOfTheChildsRecordingReadsBackAsTheEventsSeenLive(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("pins.jfr");
        AtomicInteger live = new AtomicInteger();
        try (JfrStream stream = JfrStream.open(target)) {
            stream.enable("jdk.VirtualThreadPinned").withStackTrace();
            stream.onEvent("jdk.VirtualThreadPinned", event -> live.incrementAndGet());
            stream.startAsync();
            Thread.sleep(1_000);
            stream.stop();
            stream.dump(file);
        }
        List<PinnedEvent> read = PinningRecorder.read(file);

        assertTrue(live.get() >= 20, live.get() + " pins seen live");
        assertEquals(live.get(), read.size(), "pins read back from the dump");
        assertEquals(Set.of(VirtualThreadsChild.class.getName() + ".sleep"),
                read.stream().map(PinnedEvent::site).collect(Collectors.toSet()));
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
