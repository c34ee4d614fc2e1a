package workbench.console.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.console.coach.Coach;
import workbench.console.course.Course;
import workbench.console.course.Lesson;
import workbench.console.course.ProgressStore;
import workbench.console.lab.LabCommandLine;
import workbench.console.markdown.CodeHighlighter;

/**
 * Every fenced {@code java} block of every lesson, pasted into the real console in page order, as a learner
 * would paste them, and every prediction answered: none may end in a compile error, an exception or a
 * measurement that fails. A lesson's snippets start the demos they use themselves, so one console session per
 * lesson runs them all.
 */
class LessonSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```$");
    /** What the console prints when a snippet does not compile, throws, or takes the lab JVM down. */
    private static final Pattern FAILURE = Pattern.compile(
            "(?m)^(Error:|Exception |The lab JVM |The snippet did not stop|The measurement ).*$");

    @TempDir
    Path state;

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfEveryLessonRuns() {
        Course course = Course.load(ROOT);
        return course.lessons().stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> {
            List<String> script = script(lesson);
            String transcript = run(course, lesson.id(), script);
            Matcher failure = FAILURE.matcher(transcript);
            assertThat(failure.find()).as("%s: a snippet failed (%s) in this transcript:%n%s", lesson.id(),
                    failure.find(0) ? failure.group() : "", transcript).isFalse();
            assertThat(transcript).as("the console reached the end of the script").contains(Messages.BYE);
        }));
    }

    /** Page by page: the page, each block's lines, a guess for the page's prediction; then {@code /exit}. */
    private static List<String> script(Lesson lesson) {
        List<String> lines = new ArrayList<>();
        for (int page = 0; page < lesson.pages().size(); page++) {
            lines.add("/lesson " + (page + 1));
            Matcher block = JAVA_BLOCK.matcher(lesson.pages().get(page));
            while (block.find()) {
                lines.addAll(block.group(1).lines().toList());
            }
            if (!lesson.predictionsOn(page).isEmpty()) {
                lines.add("/predict 1");
            }
        }
        lines.add("/exit");
        return lines;
    }

    private String run(Course course, String lessonId, List<String> script) {
        Coach coach = new Coach(course, new ProgressStore(state.resolve(lessonId).resolve("progress.json")),
                new Checker(state.resolve(lessonId).resolve("check"), System.getProperty("java.class.path"),
                        Limits.DEFAULT));
        ScriptedIO io = new ScriptedIO(script, 100);
        new Console(state.resolve(lessonId), course, coach.inConsole(), lessonId).run(session -> io, CodeHighlighter.NONE,
                LabCommandLine.likeThisJvm());
        return io.transcript();
    }
}
