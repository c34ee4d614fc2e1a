package workbench.console.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbench.console.course.Exercise;
import workbench.harness.TestStatus;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checker against fixture answers that misbehave in every way a learner's code can. */
class CheckerTest {

    private static final Exercise SUM = new Exercise("sum", "fixture", "fixture/Sum.java", "diagnose",
            "workbench.console.check.fixture.SumCheck", "Add numbers.", List.of("one", "two"));

    private static final Exercise TWO_SUMS = new Exercise("sum", "fixture", "fixture/Sum.java", "diagnose",
            "workbench.console.check.fixture.TwoSumsCheck", "Add numbers.", List.of("one", "two"));

    private static final Limits QUICK =
            new Limits(Duration.ofSeconds(60), Duration.ofSeconds(3), "64m", 4096, 1024 * 1024);

    @TempDir
    Path work;

    private CheckReport check(String variant, Limits limits) throws URISyntaxException {
        Path source = Path.of(getClass().getResource("/fixture/" + variant + "/fixture/Sum.java").toURI());
        return new Checker(work, System.getProperty("java.class.path"), limits).check(SUM, source);
    }

    private CheckReport check(String variant) throws URISyntaxException {
        return check(variant, QUICK);
    }

    @Test
    void aRightAnswerPasses() throws Exception {
        CheckReport report = check("right");
        assertThat(report.status()).isEqualTo(CheckReport.Status.PASS);
        assertThat(report.tests()).extracting(CheckReport.TestResult::status).containsExactly(TestStatus.PASS);
    }

    /** The phases are measured, not guessed: together they are the check's time, as a clock around it reads it. */
    @Test
    void timingsAccountForTheWholeCheck() throws Exception {
        long before = System.nanoTime();
        CheckReport report = check("right");
        Duration wall = Duration.ofNanos(System.nanoTime() - before);

        CheckTimings timings = report.timings();
        assertThat(timings.compile()).isPositive();
        assertThat(timings.jvmStart()).isPositive();
        assertThat(timings.harness()).isPositive();
        assertThat(timings.total()).isLessThanOrEqualTo(wall).isGreaterThan(wall.minusMillis(300));
        assertThat(timings.overhead()).isEqualTo(timings.total().minus(timings.observation()));
    }

    /** Two checks of one exercise would share its scratch folder: the second is refused, and nothing is spoilt. */
    @Test
    void aSecondCheckOfTheSameExerciseIsRefusedAndSpoilsNothing() throws Exception {
        try (ScratchLock running = ScratchLock.tryAcquire(work.resolve(SUM.name()))) {
            assertThat(running).isNotNull();
            CheckReport refused = check("right");
            assertThat(refused.status()).isEqualTo(CheckReport.Status.ERROR);
            assertThat(refused.problem()).startsWith("Another check of sum is running");
            assertThat(refused.tests()).isEmpty();
        }
        assertThat(check("right").status()).isEqualTo(CheckReport.Status.PASS);
    }

    @Test
    void aCheckThatDoesNotCompileTakesOnlyItsCompileTime() throws Exception {
        CheckTimings timings = check("broken").timings();
        assertThat(timings.total()).isEqualTo(timings.compile()).isPositive();
    }

    @Test
    void aWrongAnswerFailsWithWhatWasObservedAndWhatToRevisit() throws Exception {
        CheckReport report = check("wrong");
        assertThat(report.status()).isEqualTo(CheckReport.Status.FAIL);
        assertThat(report.tests().getFirst().message())
                .startsWith("sum of 5 numbers returned 5")
                .contains("Revisit: the fixture's idea of adding");
    }

    @Test
    void aFileThatDoesNotCompileShowsTheLineAndTheError() throws Exception {
        CheckReport report = check("broken");
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.compileErrors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5);
            assertThat(error.message()).contains("cannot find symbol");
            assertThat(error.sourceLine()).contains("values.size()");
        });
        assertThat(report.tests()).isEmpty();
    }

    @Test
    void anEndlessLoopTimesOutAndShowsWhereItSpins() throws Exception {
        CheckReport report = check("loops");
        assertThat(report.status()).isEqualTo(CheckReport.Status.FAIL);
        assertThat(report.tests().getFirst().message())
                .contains("did not finish within the time limit")
                .contains("fixture.Sum.sum(Sum.java:");
    }

    /** Code that loops costs one time-out, not one per test: the first test that runs out of time ends the check. */
    @Test
    void theFirstTimeOutEndsTheCheck() throws Exception {
        Path loops = Path.of(getClass().getResource("/fixture/loops/fixture/Sum.java").toURI());
        CheckReport report = new Checker(work, System.getProperty("java.class.path"), QUICK).check(TWO_SUMS, loops);
        assertThat(report.tests()).extracting(CheckReport.TestResult::status)
                .containsExactly(TestStatus.ERROR, TestStatus.SKIPPED);
        assertThat(report.tests().getFirst().message()).contains("did not finish within the time limit");
        assertThat(report.tests().getLast().message()).contains("an earlier test ran out of time");
    }

    /** The wrong fixture fails the first test and passes the second, which a check up to the first failure skips. */
    @Test
    void aCheckUntilTheFirstFailureSkipsTheTestsAfterIt() throws Exception {
        Path wrong = Path.of(getClass().getResource("/fixture/wrong/fixture/Sum.java").toURI());
        Checker checker = new Checker(work, System.getProperty("java.class.path"), QUICK);
        assertThat(checker.check(TWO_SUMS, wrong).tests()).extracting(CheckReport.TestResult::status)
                .containsExactly(TestStatus.FAIL, TestStatus.PASS);

        CheckReport report = checker.check(TWO_SUMS, wrong, CheckScope.UNTIL_FIRST_FAILURE);
        assertThat(report.status()).isEqualTo(CheckReport.Status.FAIL);
        assertThat(report.tests()).extracting(CheckReport.TestResult::status)
                .containsExactly(TestStatus.FAIL, TestStatus.SKIPPED);
        assertThat(report.tests().getLast().message()).contains("stops at its first failing test");
    }

    /**
     * Each test's start is told while the check JVM runs, not when it is done: the looping answer's first test runs
     * for its whole time-out after it starts, so its start is told seconds before the check returns.
     */
    @Test
    void progressIsToldWhileTheCheckRuns() throws Exception {
        Path loops = Path.of(getClass().getResource("/fixture/loops/fixture/Sum.java").toURI());
        List<String> told = new ArrayList<>();
        long[] firstStartTold = new long[1];
        new Checker(work, System.getProperty("java.class.path"), QUICK).check(TWO_SUMS, loops, CheckScope.ALL, event -> {
            if (told.isEmpty()) {
                firstStartTold[0] = System.nanoTime();
            }
            told.add(event.kind() + " " + event.test() + (event.status() == null ? "" : " " + event.status()));
        });
        long returned = System.nanoTime();
        assertThat(told).containsExactly("STARTED adds two numbers", "FINISHED adds two numbers ERROR",
                "FINISHED adds no numbers SKIPPED");
        assertThat(Duration.ofNanos(returned - firstStartTold[0])).isGreaterThan(Duration.ofSeconds(2));
    }

    /**
     * Ctrl-C in a terminal reaches the check JVM too, which ends with status 130: the report says so, not that the
     * learner's code exited. The fixture ends its JVM with that status itself: a real SIGINT cannot be relied on
     * here, since a JVM started in the background, as a build often is, inherits SIGINT ignored.
     */
    @Test
    void ctrlCIsReportedAsSuchNotAsSystemExit() throws Exception {
        CheckReport report = check("interrupted");
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.problem()).contains("stopped by Ctrl-C").doesNotContain("System.exit");
    }

    @Test
    void aDeadlockTimesOutAndNamesTheLockAndItsOwner() throws Exception {
        CheckReport report = check("deadlocks");
        assertThat(report.tests().getFirst().message())
                .contains("did not finish within the time limit")
                .contains("held by \"other-adder\"");
    }

    @Test
    void systemExitIsReportedAsSuch() throws Exception {
        CheckReport report = check("exits");
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.problem())
                .contains("exited with status 3 while checking \"adds up random numbers\"")
                .contains("System.exit");
    }

    @Test
    void runningOutOfMemoryIsReportedAsSuch() throws Exception {
        CheckReport report = check("hoards");
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.problem()).contains("ran out of memory (the heap is capped at 64m)");
    }

    @Test
    void endlessRecursionIsReportedWithItsPlace() throws Exception {
        CheckReport report = check("recurses");
        Path source = Path.of(getClass().getResource("/fixture/recurses/fixture/Sum.java").toURI());
        assertThat(report.tests().getFirst().message()).contains("recursed without end")
                .contains(" at " + Path.of("").toAbsolutePath().relativize(source) + ":5 ");
    }

    @Test
    void anOutputFloodStopsTheCheckAndKeepsOnlyTheStart() throws Exception {
        CheckReport report = check("floods");
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.problem()).contains("printed more than 1 MB");
        assertThat(report.output()).startsWith("still adding 5 numbers").contains("more bytes not shown");
        assertThat(report.output().length()).isLessThan(4096 + 100);
    }

    @Test
    void aCheckOverItsWallClockIsKilledAfterAThreadDump() throws Exception {
        Limits tight = new Limits(Duration.ofSeconds(15), Duration.ofSeconds(60), "64m", 4096, 1024 * 1024);
        CheckReport report = check("hangs-at-load", tight);
        assertThat(report.status()).isEqualTo(CheckReport.Status.ERROR);
        assertThat(report.problem())
                .contains("ran longer than 15 s while checking \"adds up random numbers\"")
                .contains("at fixture.Sum.<clinit>(Sum.java:");
    }
}
