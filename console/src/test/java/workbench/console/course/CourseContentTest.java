package workbench.console.course;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.check.CheckReport;
import workbench.console.check.CheckScope;
import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.harness.Feedback;
import workbench.harness.TestStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course's own proof, run by the build: its content is sound, and for every exercise the untouched
 * stub fails its hidden checks (the first failing test ends its check), the reference solution passes them, and every
 * kept wrong answer fails.
 *
 * <p>Checks are queued on a pool as the tests are built and each dynamic test waits for its own. The pool
 * has one thread by default: several checks measure rates and pauses, which a second check running
 * beside them on a small machine would disturb. {@code -Dworkbench.proof.parallelism=N} runs N at once;
 * {@code -Dworkbench.proof.lessons=lesson3,lesson4} proves only those lessons' exercises. Which wrong answers a run
 * proves is a {@link WrongAnswerSample}: one per exercise by default, every one with
 * {@code -Dworkbench.proof.wrongs=all}.
 *
 * <p>Every verdict, with its time and each test's message, goes to {@code target/proof-verdicts.txt}: the figures
 * in a wrong answer's messages show how far from its check's threshold it fell, so thin margins show up before a
 * run fails on one. A test that passed shows what its last checks would have said had they failed, figures
 * included, so that a wrong answer that passes can be explained.
 */
class CourseContentTest {

    private static final Course COURSE = Course.load(Path.of("..").toAbsolutePath().normalize());
    private static final ExecutorService POOL =
            Executors.newFixedThreadPool(Integer.getInteger("workbench.proof.parallelism", 1));

    private static final WrongAnswerSample SAMPLE = WrongAnswerSample.fromSystemProperties();

    private static final Path VERDICTS = Path.of("target", "proof-verdicts.txt");

    @TempDir
    static Path work;

    @BeforeAll
    static void startVerdicts() throws IOException {
        Files.createDirectories(VERDICTS.getParent());
        Files.writeString(VERDICTS, "# this run proved " + SAMPLE.describe() + "\n");
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void theContentIsSound() {
        assertThat(CourseValidator.problems(COURSE)).isEmpty();
    }

    @TestFactory
    Stream<DynamicContainer> everyExerciseDiscriminates() {
        return COURSE.exercises().filter(CourseContentTest::selected).toList().stream().map(exercise -> {
            CompletableFuture<CheckReport> stub = check(exercise, "stub", COURSE.exerciseFile(exercise),
                    CheckScope.UNTIL_FIRST_FAILURE);
            CompletableFuture<CheckReport> solution = check(exercise, "solution", COURSE.solutionFile(exercise),
                    CheckScope.ALL);
            List<WrongAnswer> kept = COURSE.wrongAnswers(exercise);
            List<DynamicTest> wrongs = kept.stream().map(wrong -> {
                String name = "wrong answer '" + wrong.variant() + "' fails \"" + wrong.rejectedBy() + "\"";
                if (!SAMPLE.includes(kept, wrong)) {
                    return DynamicTest.dynamicTest(name,
                            () -> Assumptions.abort("not in this run's sample of " + SAMPLE.describe()));
                }
                CompletableFuture<CheckReport> report = check(exercise, "wrong-" + wrong.variant(), wrong.file(),
                        CheckScope.only(wrong.rejectedBy()));
                return DynamicTest.dynamicTest(name, () -> wrongFails(wrong, report.join()));
            }).toList();
            return DynamicContainer.dynamicContainer(exercise.name(), Stream.concat(Stream.of(
                    DynamicTest.dynamicTest("the untouched stub fails", () -> stubFails(stub.join())),
                    DynamicTest.dynamicTest("the solution passes", () -> solutionPasses(solution.join()))),
                    wrongs.stream()));
        }).toList().stream();
    }

    private static boolean selected(Exercise exercise) {
        String lessons = System.getProperty("workbench.proof.lessons", "");
        return lessons.isBlank() || List.of(lessons.split(",")).contains(exercise.lessonId());
    }

    /**
     * Checks in a scratch folder of their own, so that concurrent checks of one exercise do not collide.
     */
    private static CompletableFuture<CheckReport> check(Exercise exercise, String variant, Path source,
                                                        CheckScope scope) {
        Path scratch = work.resolve(exercise.name() + "-" + variant);
        return CompletableFuture.supplyAsync(() -> record(variant, new Checker(scratch,
                System.getProperty("java.class.path"), Limits.DEFAULT).check(exercise, source, scope)), POOL);
    }

    /** One line a test: exercise, variant, seconds taken, test, status and message (or, passed, observations). */
    private static synchronized CheckReport record(String variant, CheckReport report) {
        StringBuilder lines = new StringBuilder();
        String took = String.format(Locale.ROOT, "%.1f s", report.took().toMillis() / 1000.0);
        for (CheckReport.TestResult test : report.tests()) {
            lines.append(verdictLine(report, variant, took, test.name(), test.status(),
                    test.passed() && test.observed() != null ? "held, or it would have said: " + test.observed()
                            : test.message()));
        }
        if (report.tests().isEmpty()) {
            lines.append(verdictLine(report, variant, took, "-", report.status(), report.problem()));
        }
        try {
            Files.writeString(VERDICTS, lines, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    private static String verdictLine(CheckReport report, String variant, String took, String test, Object status,
                                      Object message) {
        return String.join("\t", report.exercise().name(), variant, took, test, status.toString(),
                Objects.toString(message, "").replace('\n', ' ')) + "\n";
    }

    private static void stubFails(CheckReport report) {
        assertThat(report.compileErrors()).as("the stub must compile").isEmpty();
        assertThat(report.passed()).as("the untouched stub must fail").isFalse();
        assertRanTheRealChecks(report);
    }

    private static void solutionPasses(CheckReport report) {
        assertThat(report.passed()).as("the solution must pass:\n%s", report).isTrue();
    }

    /**
     * A wrong answer fails for its idea: the hidden test its {@code expect.yaml} names reports a learner-facing
     * failure (what was observed, what to revisit), not a compile error, a time-out or a crash.
     */
    private static void wrongFails(WrongAnswer wrong, CheckReport report) {
        assertThat(report.compileErrors()).as("%s must compile, to fail for its idea", wrong.file()).isEmpty();
        assertThat(report.tests()).as("the hidden test \"%s\" ran: its expect.yaml must name one of the check's"
                + " tests", wrong.rejectedBy()).isNotEmpty();
        assertThat(report.passed()).as("the wrong answer %s must fail:\n%s", wrong.file(), report).isFalse();
        assertRanTheRealChecks(report);
        CheckReport.TestResult named = report.tests().stream()
                .filter(test -> test.name().equals(wrong.rejectedBy())).findFirst()
                .orElseThrow(() -> new AssertionError("no hidden test named \"" + wrong.rejectedBy()
                        + "\" ran:\n" + report));
        assertThat(named.status()).as("\"%s\" must fail it for its idea:\n%s", named.name(), report)
                .isEqualTo(TestStatus.FAIL);
        assertThat(named.message()).as("the failure says what to revisit").contains(Feedback.REVISIT);
    }

    /** A failure for the right reason: the checks ran against a class that kept the stub's shape. */
    private static void assertRanTheRealChecks(CheckReport report) {
        assertThat(report.tests()).as("hidden tests ran:\n%s", report).isNotEmpty();
        assertThat(report.tests().stream().map(CheckReport.TestResult::message).filter(Objects::nonNull))
                .as("failures keep the exercise's shape").noneMatch(m -> m.contains("no longer has the shape"));
    }
}
