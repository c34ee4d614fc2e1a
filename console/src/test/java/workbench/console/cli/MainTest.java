package workbench.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

    /** {@code start LESSON} answers an unknown lesson in the learner's words, naming the lessons there are. */
    @Test
    void startOnAnUnknownLessonSaysWhichThereAre(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("lessons/lesson1"));
        Files.writeString(root.resolve("lessons/lesson1/lesson.yaml"), "title: A lesson\nsummary: For a test.\n");
        String home = System.getProperty("workbench.home");
        System.setProperty("workbench.home", root.toString());
        try {
            Ran ran = run("start", "lesson99");
            assertThat(ran.err()).contains("There is no lesson 'lesson99'. Lessons: [lesson1]")
                    .doesNotContain("workbench failed");
            assertThat(ran.exit()).isEqualTo(2);
        } finally {
            if (home == null) {
                System.clearProperty("workbench.home");
            } else {
                System.setProperty("workbench.home", home);
            }
        }
    }

    @Test
    void startHelpStillShowsTheUsage() {
        Ran ran = run("start", "--help");
        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).contains("Usage: workbench start");
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
    @Test
    @Timeout(120)
    void incidentRecordsAJvmAndOpenReadsItBack(@TempDir Path folder) {
        Path incident = folder.resolve("now");  // this very JVM
        Ran recorded = run("incident", Long.toString(ProcessHandle.current().pid()), "--length", "5s", "--to",
                incident.toString());
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("Saved " + incident).contains("workbench open " + incident);

        Ran opened = run("open", incident.toString());
        assertThat(opened.exit()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("Incident: process " + ProcessHandle.current().pid())
                .contains("Garbage collection", "Safepoints", "leak suspects in 5 thread dumps over the capture", "Heap",
                        "class name", "jfr summary " + incident.resolve("recording.jfr"));
    }

    @Test
    void openSaysWhenAFolderIsNoIncident(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Ran opened = run("open", folder.toString());
        assertThat(opened.exit()).isEqualTo(2);
        assertThat(opened.err()).contains("is not an incident folder").contains("workbench incident <pid>")
                .doesNotContain("workbench failed");
    }

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
