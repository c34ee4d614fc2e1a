package workbench.harness;

import java.util.concurrent.TimeoutException;

import static workbench.harness.TestStatus.ERROR;
import static workbench.harness.TestStatus.FAIL;

/** Turns whatever ended a test into words for the learner: a failed check, or what their code did. */
final class Verdicts {

    /** {@code status} is {@code FAIL} (the learner's answer is wrong) or {@code ERROR} (it broke). */
    record Verdict(TestStatus status, String message) {
    }

    private final LearnerCode learner;

    Verdicts(LearnerCode learner) {
        this.learner = learner;
    }

    Verdict of(Throwable thrown) {
        if (isTimeout(thrown)) {
            return new Verdict(ERROR, "Your code did not finish within the time limit (" + thrown.getMessage()
                    + "). Look for an endless loop, a deadlock or a wait that nothing ends."
                    + learner.stuckThreads());
        }
        if (thrown instanceof AssertionError) {
            return new Verdict(FAIL, thrown.getMessage());
        }
        String where = learner.where(thrown);
        return switch (thrown) {
            case StackOverflowError e -> new Verdict(ERROR,
                    "Your code recursed without end (StackOverflowError)" + where + ".");
            case VirtualMachineError e -> new Verdict(ERROR,
                    "The JVM ran out of resources (" + e + ")" + where + ".");
            case ExceptionInInitializerError e -> new Verdict(ERROR,
                    "A static initialiser in your code threw " + e.getCause() + learner.where(e.getCause()) + ".");
            case LinkageError e -> new Verdict(ERROR,
                    "Your class no longer has the shape this exercise needs (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "). Keep the class name and the method signatures of the stub.");
            default -> where.isEmpty()
                    ? new Verdict(ERROR, "The check itself could not run (" + thrown
                            + "). This is not about your answer; try again, and report it if it persists.")
                    : new Verdict(ERROR, "Your code threw " + thrown + where + ".");
        };
    }

    /** Whether a test ended because it ran out of time, by JUnit's time-out in either of its modes. */
    static boolean isTimeout(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
