package workbench.diagnostics.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedtrace-style line, with every figure known and with a JVM that has no scheduler bean. */
class SchedLineTest {

    @Test
    void aLineShowsTheSchedulerThreadsSafepointsAndCpu() {
        SchedLine line = new SchedLine(Duration.ofMillis(12_004), Duration.ofSeconds(1), 2, 2, 2, 37,
                Map.of(Thread.State.WAITING, 11, Thread.State.RUNNABLE, 5, Thread.State.TIMED_WAITING, 7), 1,
                Duration.ofNanos(410_000), 1.97, 2);

        assertEquals("sched 12.004s: parallelism=2 carriers=2 mounted=2 queued=37 threads=23 [runnable=5 waiting=11"
                + " timed_waiting=7] safepoints=1 stopped=0.41ms cpu=1.97/2", line.format());
        assertEquals("runnable=5 waiting=11 timed_waiting=7", line.threadStates());
        assertEquals(23, line.platformThreadCount());
        assertEquals(0, line.platformThreads(Thread.State.BLOCKED));
    }

    @Test
    void figuresTheJvmDidNotGiveReadAsQuestionMarks() {
        SchedLine line = new SchedLine(Duration.ofMillis(1_500), Duration.ofSeconds(1), -1, -1, -1, -1,
                Map.of(Thread.State.RUNNABLE, 3), -1, Duration.ZERO, -1, 4);

        assertEquals("sched 1.500s: parallelism=? carriers=? mounted=? queued=? threads=3 [runnable=3]"
                + " safepoints=? stopped=0.00ms cpu=?/4", line.format());
    }
}
