package workbench.console.course;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.check.CheckReport;
import workbench.console.check.Checker;
import workbench.console.check.Limits;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course's own proof, run by the build: its content is sound, and for every exercise the untouched
 * stub fails its hidden checks, the reference solution passes them, and every kept wrong answer fails.
 */
class CourseContentTest {

    private static final Course COURSE = Course.load(Path.of("..").toAbsolutePath().normalize());

    @TempDir
    static Path work;

    private static CheckReport check(Exercise exercise, Path source) {
        return new Checker(work, System.getProperty("java.class.path"), Limits.DEFAULT).check(exercise, source);
    }

    @Test
    void theContentIsSound() {
        assertThat(CourseValidator.problems(COURSE)).isEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> everyExerciseDiscriminates() {
        return COURSE.exercises().map(exercise -> DynamicContainer.dynamicContainer(exercise.name(), Stream.concat(
                Stream.of(
                        DynamicTest.dynamicTest("the untouched stub fails", () -> stubFails(exercise)),
                        DynamicTest.dynamicTest("the solution passes", () -> solutionPasses(exercise))),
                CourseValidator.wrongAnswers(COURSE, exercise).stream().map(wrong -> DynamicTest.dynamicTest(
                        "wrong answer '" + wrong.getParent().getFileName() + "' fails", () -> wrongFails(exercise, wrong))))));
    }

    private static void stubFails(Exercise exercise) {
        CheckReport report = check(exercise, COURSE.exerciseFile(exercise));
        assertThat(report.compileErrors()).as("the stub must compile").isEmpty();
        assertThat(report.passed()).as("the untouched stub must fail").isFalse();
        assertRanTheRealChecks(report);
    }

    private static void solutionPasses(Exercise exercise) {
        CheckReport report = check(exercise, COURSE.solutionFile(exercise));
        assertThat(report.passed()).as("the solution must pass:\n%s", report).isTrue();
    }

    private static void wrongFails(Exercise exercise, Path wrong) {
        CheckReport report = check(exercise, wrong);
        assertThat(report.compileErrors()).as("a wrong answer must compile, to fail for its idea").isEmpty();
        assertThat(report.passed()).as("this wrong answer must fail").isFalse();
        assertRanTheRealChecks(report);
    }

    /** A failure for the right reason: the checks ran against the class, which kept the stub's shape. */
    private static void assertRanTheRealChecks(CheckReport report) {
        assertThat(report.tests()).as("hidden tests ran:\n%s", report).isNotEmpty();
        List<String> messages = report.tests().stream().map(CheckReport.TestResult::message)
                .filter(m -> m != null).toList();
        assertThat(messages).as("failures keep the exercise's shape").noneMatch(m -> m.contains("no longer has the shape"));
    }
}
