package workbench.console.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reason the lab engine exists: a snippet round trip without Nagle's algorithm and delayed ACKs.
 * The three engines take turns, so that load from other processes falls on all of them alike; the test
 * prints the medians and asserts only that the lab engine beats the default remote engine.
 */
@Timeout(300)
class LabLatencyTest {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    @Test
    void labEngineBeatsTheDefaultRemoteEngine() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LabSession lab = new LabSession(LabCommandLine.likeThisJvm(), List::of, quiet, line -> { });
             JShell jdi = JShell.builder().out(quiet).err(quiet).build();
             JShell local = JShell.builder().out(quiet).err(quiet).executionEngine("local").build()) {
            lab.start();
            List<Supplier<String>> engines = List.of(
                    () -> lab.eval("1+1").events().getLast().value(),
                    () -> jdi.eval("1+1").getLast().value(),
                    () -> local.eval("1+1").getLast().value());
            double[][] millis = new double[engines.size()][MEASURED];
            for (int round = -WARM_UP; round < MEASURED; round++) {
                for (int e = 0; e < engines.size(); e++) {
                    long start = System.nanoTime();
                    assertEquals("2", engines.get(e).get());
                    if (round >= 0) {
                        millis[e][round] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
            double labMedian = median(millis[0]);
            double jdiMedian = median(millis[1]);
            System.out.printf("warm 1+1, median of %d: lab engine %.1f ms, default JDI engine %.1f ms, "
                    + "local engine %.1f ms%n", MEASURED, labMedian, jdiMedian, median(millis[2]));
            assertTrue(labMedian < jdiMedian, "lab " + labMedian + " ms vs JDI " + jdiMedian + " ms");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
