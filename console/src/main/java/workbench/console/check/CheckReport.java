package workbench.console.check;

import workbench.console.course.Exercise;
import workbench.harness.TestStatus;

import java.time.Duration;
import java.util.List;

/**
 * The verdict on one exercise.
 *
 * @param compileErrors javac's errors; when present, no test ran
 * @param tests         each hidden test's outcome, in the order they ran
 * @param problem       what ended the check JVM early (time, exit, memory, output flood) or kept it from starting
 *                      (another check of the exercise running), or {@code null}
 * @param output        what the learner's code printed, capped
 * @param timings       where the check's time went
 */
public record CheckReport(Exercise exercise, Status status, List<ExerciseCompiler.CompileError> compileErrors,
                          List<TestResult> tests, String problem, String output, CheckTimings timings) {

    /** As in Exercism's results.json, worst last: {@code ERROR} when the checks could not run to the end. */
    public enum Status { PASS, FAIL, ERROR }

    /**
     * One hidden test's outcome and, unless it passed, what it told the learner.
     *
     * @param observed for a test that passed, the last figures its checks observed: the course's proof records
     *                 them so that a wrong answer that passes can be explained; never shown to the learner
     */
    public record TestResult(String name, TestStatus status, String message, String observed) {

        public boolean passed() {
            return status == TestStatus.PASS;
        }
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** Whether the learner's code was compiled and tested, or the check stopped before it (another check ran). */
    public boolean judgedTheCode() {
        return !compileErrors.isEmpty() || !tests.isEmpty();
    }

    /** How long the whole check took. */
    public Duration took() {
        return timings.total();
    }
}
