package workbench.console.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class LabSessionTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private LabSession session;

    @BeforeEach
    void startLab() {
        session = new LabSession(LabCommandLine.likeThisJvm(),
                () -> List.of("import java.util.*;", "import java.util.concurrent.*;",
                        "import java.util.concurrent.locks.*;"),
                new PrintStream(output, true, StandardCharsets.UTF_8), notices::add);
        session.start();
    }

    @AfterEach
    void closeLab() {
        session.close();
    }

    @Test
    void evaluatesInASeparateJvm() {
        assertEquals("2", value(session.eval("1+1")));
        String labPid = value(session.eval("ProcessHandle.current().pid()"));
        assertNotEquals(Long.toString(ProcessHandle.current().pid()), labPid);
        assertEquals(Long.toString(session.pid()), labPid);
    }

    @Test
    void grantsNativeAccessSoThatForeignCallsDoNotWarn() {
        assertEquals("true", value(session.eval("new Object() { }.getClass().getModule().isNativeAccessEnabled()")));
    }

    @Test
    void streamsTheLabsSystemOut() {
        session.eval("System.out.println(\"hello from the lab\")");
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("hello from the lab"), output::toString);
    }

    @Test
    void stopsARunawayLoop() throws Exception {
        CompletableFuture<Evaluation> loop = CompletableFuture.supplyAsync(
                () -> session.eval("{ System.out.println(\"looping\"); while (true) { } }"));
        awaitOutput("looping");
        session.stop();
        Evaluation stopped = loop.get();
        assertEquals(Evaluation.Ending.STOPPED, stopped.ending());
        assertEquals("3", value(session.eval("1+2")), "the same lab keeps working after a stop");
        assertTrue(notices.isEmpty(), notices::toString);
    }

    @Test
    void killsAndReplacesALabStuckInADeadlock() throws Exception {
        long firstPid = session.pid();
        // The lock's holder parks forever; the snippet waits on the monitor, deaf to flags and interrupts.
        CompletableFuture<Evaluation> deadlocked = CompletableFuture.supplyAsync(() -> session.eval("""
                {
                    Object lock = new Object();
                    Thread.ofPlatform().daemon().start(() -> { synchronized (lock) { LockSupport.park(); } });
                    Thread.sleep(300);
                    System.out.println("deadlocked");
                    synchronized (lock) { }
                }"""));
        awaitOutput("deadlocked");
        session.stop();
        assertEquals(Evaluation.Ending.LAB_DIED, deadlocked.get().ending());
        awaitNotice();
        assertTrue(notices.getFirst().contains("did not stop"), notices::toString);
        assertEquals("4", value(session.eval("2+2")));
        assertNotEquals(firstPid, session.pid());
    }

    @Test
    void stopsAnInterruptibleWait() throws Exception {
        CompletableFuture<Evaluation> waiting = CompletableFuture.supplyAsync(
                () -> session.eval("{ System.out.println(\"waiting\"); new CountDownLatch(1).await(); }"));
        awaitOutput("waiting");
        session.stop();
        assertEquals(Evaluation.Ending.STOPPED, waiting.get().ending());
    }

    @Test
    void replacesALabThatExits() throws Exception {
        long firstPid = session.pid();
        assertEquals(Evaluation.Ending.LAB_DIED, session.eval("System.exit(1)").ending());
        awaitNotice();
        assertTrue(notices.getFirst().contains("exited with code 1"), notices::toString);
        assertEquals("2", value(session.eval("1+1")));
        assertNotEquals(firstPid, session.pid());
    }

    @Test
    void runsTheNextSnippetInAFreshLabThoughTheExitIsNotNoticedYet() {
        ProcessHandle lab = ProcessHandle.of(session.pid()).orElseThrow();
        lab.destroyForcibly();
        while (lab.isAlive()) {
            Thread.onSpinWait();
        }
        assertEquals("2", value(session.eval("1+1")));
    }

    @Test
    void tellsAnExitWithCodeThreeFromRunningOutOfMemory() throws Exception {
        session.eval("System.exit(3)");
        awaitNotice();
        assertTrue(notices.getFirst().contains("exited with code 3 (System.exit(3)?)"), notices::toString);
        notices.clear();
        session.eval("{ var hoard = new ArrayList<long[]>(); while (true) hoard.add(new long[1 << 20]); }");
        awaitNotice();
        assertTrue(notices.getFirst().contains("ran out of memory (OutOfMemoryError)"), notices::toString);
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!output.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
    }

    private void awaitNotice() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (notices.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String value(Evaluation evaluation) {
        assertEquals(Evaluation.Ending.COMPLETED, evaluation.ending());
        SnippetEvent last = evaluation.events().getLast();
        assertEquals(null, last.exception(), () -> String.valueOf(last.exception()));
        return last.value();
    }
}
