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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("check", "--help");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: workbench check").contains("--json");
    }

    @Test
    void aMistypedCommandGetsTheNearestOneNotAParserMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("strat", "lesson1");
        } finally {
            System.setErr(original);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(said).contains("Unknown command 'strat'. Did you mean start?")
                .contains("`workbench --help` shows the usage.").doesNotContain("Unmatched argument");
    }
}
