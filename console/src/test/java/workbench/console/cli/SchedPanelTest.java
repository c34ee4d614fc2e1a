package workbench.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.sched.SchedLine;

/**
 * The scheduler panel of top: the latest line's figures, queued virtual threads as a sparkline, or one line; laid out
 * for the terminal's width.
 */
class SchedPanelTest {

    private static final TopLayout WIDE = new TopLayout(100);

    private final SchedPanel panel = new SchedPanel(3);

    @Test
    void showsTheLatestFiguresAndQueuedThreadsOverTheRecentLines() {
        panel.accept(line(2, 0));
        panel.accept(line(2, 7));
        panel.accept(line(2, 3));
        panel.accept(line(2, 37));

        assertEquals("""
                scheduler   parallelism 2, 2 carriers
                mounted     2 virtual threads
                queued      37 virtual threads               ▂▁█
                platform    23 threads: runnable=5 waiting=11 timed_waiting=7
                """, stripped(panel.render(WIDE)));
    }

    /** At 50 columns a row has no room for a sparkline, and a long value wraps under itself instead of the label. */
    @Test
    void aNarrowTerminalGetsRowsThatFitIt() {
        panel.accept(line(2, 0));
        panel.accept(line(2, 37));

        assertEquals("""
                scheduler   parallelism 2, 2 carriers
                mounted     2 virtual threads
                queued      37 virtual threads
                platform    23 threads: runnable=5 waiting=11
                            timed_waiting=7
                """, stripped(panel.render(new TopLayout(50))));
    }

    @Test
    void aTitleTooLongForTheTerminalIsCutNotWrapped() {
        assertEquals("1234  lesson2.demo.AllocationSpikes --s…\n",
                new TopLayout(40).title("1234  lesson2.demo.AllocationSpikes --seconds 0"));
    }

    @Test
    void aJvmWithoutTheSchedulerBeanGetsOneLine() {
        panel.accept(new SchedLine(Duration.ofSeconds(3), Duration.ofSeconds(1), -1, -1, -1, -1,
                Map.of(Thread.State.RUNNABLE, 9), 0, Duration.ZERO, 0.1, 2));

        assertEquals("scheduler   not published: this JVM has no VirtualThreadSchedulerMXBean (JDK 24+ has)\n",
                stripped(panel.render(WIDE)));
    }

    @Test
    void beforeTheFirstLineThePanelWaits() {
        assertEquals("scheduler   …\n", stripped(panel.render(WIDE)));
    }

    private static SchedLine line(int mounted, long queued) {
        return new SchedLine(Duration.ofSeconds(12), Duration.ofSeconds(1), 2, 2, mounted, queued,
                Map.of(Thread.State.WAITING, 11, Thread.State.RUNNABLE, 5, Thread.State.TIMED_WAITING, 7), 1,
                Duration.ofNanos(410_000), 1.97, 2);
    }

    /** Rows pad their value column; the padding at the end of a row says nothing. */
    private static String stripped(String rows) {
        return rows.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }
}
