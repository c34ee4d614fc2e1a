package workbench.console.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.console.coach.Coach;
import workbench.console.course.Course;
import workbench.console.course.ProgressStore;
import workbench.console.lab.LabCommandLine;
import workbench.console.markdown.CodeHighlighter;
import workbench.diagnostics.incident.Incident;

/** Drives the whole console with a script, as piped input would, against a real lab JVM. */
@Timeout(180)
class ConsoleScriptTest {

    /** A line in the library's own format, e.g. sched 1.204s: parallelism=2 carriers=0 mounted=0 queued=0 ... */
    private static final Pattern SCHED_LINE = Pattern.compile(
            "sched \\d+\\.\\d{3}s: parallelism=\\d+ carriers=\\d+ mounted=\\d+ queued=\\d+ threads=\\d+ \\[.*");

    @TempDir
    Path root;

    @Test
    void runsSnippetsAndCommandsFromAScript() throws IOException {
        String transcript = run(
                "1+1",
                "int x = 5;",
                "x * 2",
                "void hi() {",
                "    System.out.println(\"hi from the lab\");",
                "}",
                "hi()",
                "foo + 1",
                "1/0",
                "System.out.printf(\"%d items%n\", 3)",
                "/vars",
                "/h",
                "/nxet",
                "/next",
                "/exit",
                "2+2");

        assertTrue(transcript.contains("lesson1> 1+1\n$1 ==> 2\n"), transcript);
        assertTrue(transcript.contains("x ==> 5\n"), transcript);
        assertTrue(transcript.contains("$2 ==> 10\n"), transcript);
        assertTrue(transcript.contains("created method hi()\n"), transcript);
        assertTrue(transcript.contains("hi from the lab\n"), transcript);
        assertTrue(transcript.contains("""
                Error: cannot find symbol
                  symbol:   variable foo
                    foo + 1
                    ^^^
                """), transcript);
        assertTrue(transcript.contains("Exception java.lang.ArithmeticException: / by zero\n"), transcript);
        assertTrue(transcript.contains("3 items\nlesson1> /vars"), "printf's own result is not echoed:\n" + transcript);
        assertTrue(transcript.contains("int x = 5\n"), transcript);
        assertTrue(transcript.contains("/h could be /help or /hint: type more letters."), transcript);
        assertTrue(transcript.contains("Unknown command /nxet. The nearest is /next"), transcript);
        assertTrue(transcript.contains("Second page\n-----------"), transcript);
        assertTrue(transcript.contains("[lesson1, page 2 of 2."), transcript);
        assertFalse(transcript.contains("$3 ==> 4"), "nothing runs after /exit:\n" + transcript);
        assertFalse(transcript.contains("\u001b"), "a script gets plain text:\n" + transcript);
    }

    @Test
    void importsTheLibraryTheLessonsDemosAndTheJdkPackagesLessonsUse() throws IOException {
        String transcript = run("/imports", "Duration.ofSeconds(2).toMillis()",
                "new TreeMap<>(Map.of(\"b\", 2, \"a\", 1))", "ManagementFactory.getRuntimeMXBean().getPid() > 0");
        assertTrue(transcript.contains("import workbench.diagnostics.metrics.*;"), transcript);
        assertTrue(transcript.contains("import workbench.harness.*;"), transcript);
        assertTrue(transcript.contains("import lesson1.demo.*;"), transcript);
        assertTrue(transcript.contains("$1 ==> 2000\n"), transcript);
        assertTrue(transcript.contains("$2 ==> {a=1, b=2}\n"), transcript);
        assertTrue(transcript.contains("$3 ==> true\n"), transcript);
    }

    /**
     * The lab JVM recorded into the course's incidents folder, in a folder that {@code workbench open} reads, while
     * the console goes on answering; leaving waits for the recording to be saved.
     */
    @Test
    void incidentSaveRecordsTheLabJvmInTheBackground() throws IOException {
        String transcript = run("/incident save first", "/incident save second", "1 + 1", "/incident keep");
        Incident incident = Incident.open(root.resolve("incidents/first"));
        assertTrue(incident.missing().isEmpty(), incident.missing().toString());
        assertTrue(incident.name().contains("LabAgent"), incident.name());
        assertTrue(transcript.contains("An incident is being recorded already"), transcript);
        assertTrue(transcript.indexOf("$1 ==> 2") < transcript.indexOf("Saved. `./workbench open "
                + root.resolve("incidents/first")), transcript);
        assertTrue(transcript.contains("Usage: /incident save [name]"), transcript);
        assertTrue(transcript.indexOf("Saved. ") < transcript.indexOf("Bye."), "the goodbye comes last:\n" + transcript);
        assertFalse(Files.exists(root.resolve("incidents/second")), transcript);

        transcript = run("/incident save first");
        assertTrue(transcript.contains("No incident was recorded: " + root.resolve("incidents/first")
                + " already holds files"), transcript);
    }

    @Test
    void quitLeavesAsExitDoes() throws IOException {
        String transcript = run("1 + 1", "/quit", "2 + 2");
        assertFalse(transcript.contains("Unknown command"), transcript);
        assertFalse(transcript.contains("$2 ==> 4"), "nothing runs after /quit:\n" + transcript);
    }

    @Test
    void aLineThatOpensAJavaCommentIsJavaNotACommand() throws IOException {
        String transcript = run("// a note to self", "/* the answer */ 40 + 2");
        assertFalse(transcript.contains("Unknown command"), transcript);
        assertTrue(transcript.contains("$1 ==> 42\n"), transcript);
    }

    @Test
    void tracesTheLabsSchedulerAboveThePromptUntilStopped() throws IOException {
        String transcript = run("/sched 200ms", "Thread.sleep(1500)", "/sched stop", "Thread.sleep(600)", "/sched stop");

        assertTrue(transcript.contains("Tracing the lab JVM's scheduler, a line every 200 ms"), transcript);
        String whileTracing = between(transcript, "> Thread.sleep(1500)\n", "> /sched stop\n");
        assertTrue(whileTracing.lines().anyMatch(SCHED_LINE.asMatchPredicate()), transcript);
        String afterStop = transcript.substring(transcript.indexOf(Messages.SCHED_STOPPED));
        assertTrue(afterStop.lines().noneMatch(SCHED_LINE.asMatchPredicate()), "no line after /sched stop:\n" + transcript);
        assertTrue(afterStop.contains(Messages.SCHED_NOT_RUNNING), transcript);
    }

    @Test
    void aTracedLabThatExitsEndsTheTraceInOneLine() throws IOException {
        String transcript = run("/sched 200ms", "System.exit(0)", "1+1");

        assertEquals(1, transcript.split(Pattern.quote(Messages.SCHED_LAB_EXITED), -1).length - 1, transcript);
        assertTrue(transcript.contains("$1 ==> 2\n"), "the fresh lab runs snippets:\n" + transcript);
        assertFalse(transcript.contains("Exception"), transcript);
    }

    @Test
    void showsTheLessonsCurrentPageFirst() throws IOException {
        String transcript = run();
        assertTrue(transcript.startsWith("First page\n----------\n\nWelcome."), transcript);
    }

    @Test
    void asksForAPredictionThenMeasuresAndGradesIt() throws IOException {
        String page = """
                ## First page

                Guess first.

                ```predict
                id: hundreds
                question: What will the lab compute?
                unit: units
                band: x2
                measure: |
                  int base = 100;
                  base * Math.max(3, 2)
                explain: Three hundreds.
                ```

                ## Second page

                Nothing to guess.
                """;
        String transcript = runOn(page, "/predict", "/predict lots", "/predict 250", "/predict 10", "/next",
                "/predict 5", "/prev").replaceAll("\\s+", " ");

        assertTrue(transcript.contains("Predict, then measure. What will the lab compute? (in units)"), transcript);
        assertTrue(transcript.contains("'lots' is not a figure."), transcript);
        assertTrue(transcript.contains("You predicted 250; the lab measured 300 units. Close: your guess lies within"
                + " a factor of 2 of the measurement."), transcript);
        assertTrue(transcript.contains("You predicted 10; the lab measured 300 units. Not close: the measurement is"
                + " 30 times your guess, outside the band (within a factor of 2)."), transcript);
        assertTrue(transcript.contains("Three hundreds."), transcript);
        assertTrue(transcript.contains("This page asks for no prediction. Pages that do: 1 (/lesson N)."), transcript);
        assertTrue(transcript.contains("You predicted 10; the lab measured 300. `/predict <figure>` measures again."),
                "the page shows the last answer kept in progress:\n" + transcript);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertTrue(start >= 0 && end >= 0, "expected " + from + " then " + to + " in:\n" + text);
        return text.substring(start, end);
    }

    private String run(String... script) throws IOException {
        return runOn("## First page\n\nWelcome.\n\n## Second page\n\nMore.\n", script);
    }

    private String runOn(String lessonText, String... script) throws IOException {
        Path lesson = Files.createDirectories(root.resolve("lessons/lesson1"));
        Files.writeString(lesson.resolve("lesson.yaml"), """
                title: A test lesson
                summary: For the console's tests.
                demos: []
                exercises: []
                """);
        Files.writeString(lesson.resolve("lesson.md"), lessonText);
        Course course = Course.load(root);
        Path state = root.resolve(".workbench");
        Coach coach = new Coach(course, new ProgressStore(state.resolve("progress.json")),
                new Checker(state.resolve("check"), System.getProperty("java.class.path"), Limits.DEFAULT));
        ScriptedIO io = new ScriptedIO(List.of(script), 80);
        int exit = new Console(state, course, coach.inConsole(), "lesson1")
                .run(session -> io, CodeHighlighter.NONE, LabCommandLine.likeThisJvm());
        assertEquals(0, exit);
        return io.transcript();
    }
}
