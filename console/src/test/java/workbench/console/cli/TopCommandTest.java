package workbench.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code workbench top} on this very JVM: the vital signs, then the scheduler panel. */
@Timeout(60)
class TopCommandTest {

    @Test
    void showsTheSchedulerPanelUnderTheVitalSigns() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.run("top", Long.toString(ProcessHandle.current().pid()), "--interval", "200ms", "--count", "4");
        } finally {
            System.setOut(saved);
        }
        String screens = out.toString(StandardCharsets.UTF_8);
        String last = screens.substring(screens.lastIndexOf(ProcessHandle.current().pid() + "  "));

        assertEquals(0, exit, screens);
        assertTrue(last.contains("\nheap used "), last);
        assertTrue(last.matches("(?s).*\nscheduler   parallelism \\d+, \\d+ carriers\\s*\n.*"), last);
        assertTrue(last.matches("(?s).*\nqueued      \\d+ virtual threads\\s+[▁▂▃▄▅▆▇█]+\n.*"), last);
        assertTrue(last.matches("(?s).*\nplatform    \\d+ threads: .*runnable=\\d+.*"), last);
    }
}
