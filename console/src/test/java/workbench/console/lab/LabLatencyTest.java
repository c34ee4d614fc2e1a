package workbench.console.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reason the lab engine exists: a snippet round trip without Nagle's algorithm and delayed ACKs.
 * Prints the medians it measured; asserts only a wide ratio, the machine being shared.
 */
@Timeout(300)
class LabLatencyTest {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 50;

    @Test
    void labEngineBeatsTheDefaultRemoteEngine() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        double lab;
        try (LabSession session = new LabSession(LabCommandLine.likeThisJvm(), List.of(), quiet, line -> { })) {
            session.start();
            lab = medianMillis(() -> session.eval("1+1").events().getLast().value());
        }
        double jdi;
        try (JShell shell = JShell.builder().out(quiet).err(quiet).build()) {
            jdi = medianMillis(() -> shell.eval("1+1").getLast().value());
        }
        double local;
        try (JShell shell = JShell.builder().out(quiet).err(quiet).executionEngine("local").build()) {
            local = medianMillis(() -> shell.eval("1+1").getLast().value());
        }
        System.out.printf("warm 1+1, median of %d: lab engine %.1f ms, default JDI engine %.1f ms, local engine %.1f ms%n",
                MEASURED, lab, jdi, local);
        assertTrue(lab * 2 < jdi, "lab " + lab + " ms vs JDI " + jdi + " ms");
    }

    private static double medianMillis(Supplier<String> eval) {
        for (int i = 0; i < WARM_UP; i++) {
            check(eval.get());
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            check(eval.get());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[MEASURED / 2];
    }

    private static void check(String value) {
        if (!"2".equals(value)) {
            throw new AssertionError("1+1 gave " + value);
        }
    }
}
