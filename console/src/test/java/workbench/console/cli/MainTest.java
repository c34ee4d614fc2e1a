package workbench.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's answers to input it cannot run. */
class MainTest {

    @Test
    void everyCommandShowsItsUsage() {
        Ran ran = run("check", "--help");
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).contains("Usage: workbench check").contains("--json");
    }

    @Test
    void aMistypedCommandGetsTheNearestOneNotAParserMessage() {
        Ran ran = run("strat", "lesson1");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).contains("Unknown command 'strat'. Did you mean start?")
                .contains("`workbench --help` shows the usage.").doesNotContain("Unmatched argument");
    }

    /** A process that is no JVM is named at once, not after the JDK's attach has waited seconds for it. */
    @Test
    void topSaysAProcessIsNotAJvm() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Ran ran = run("top", Long.toString(sleeper.pid()), "--count", "1");
            assertThat(ran.exit()).isEqualTo(2);
            assertThat(ran.err()).contains("Process " + sleeper.pid() + " (").contains("sleep")
                    .contains("is not a JVM").contains("`jps -l`").doesNotContain("workbench failed");
        } finally {
            sleeper.destroy();
        }
    }

    /** What a run of the command line returned and printed. */
    private record Ran(int exit, String out, String err) {}

    private static Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = Main.run(args);
            return new Ran(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
