package workbench.console.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures why the lab engine exists: a snippet round trip without Nagle's algorithm and delayed ACKs.
 * The three engines take turns, so that load from other processes falls on all of them alike, and the
 * medians are printed. A measurement, not a test: it runs only on demand,
 * {@code ./mvnw -pl console test -Dtest=LabLatencyMeasurement -DexcludedGroups=}.
 */
@Tag("measurement")
@Timeout(300)
class LabLatencyMeasurement {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 50;

    @Test
    void warmSnippetLatencyOfEachEngine() {
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
            System.out.printf("warm 1+1, median of %d: lab engine %.1f ms, default JDI engine %.1f ms, "
                    + "local engine %.1f ms%n", MEASURED, median(millis[0]), median(millis[1]), median(millis[2]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
