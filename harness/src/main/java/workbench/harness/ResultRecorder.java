package workbench.harness;

import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.Locale;

/**
 * Writes each test's start and outcome, worded for the learner, as it happens, and stops the check when a test runs
 * out of time, or when one fails if asked to: the tests after it are recorded as not run.
 */
final class ResultRecorder implements TestExecutionListener {

    static final String NOT_RUN_AFTER_TIMEOUT = "Not run: an earlier test ran out of time, which ends the check.";
    static final String NOT_RUN_AFTER_FAILURE = "Not run: this check stops at its first failing test.";

    private final CheckEvents events;
    private final Verdicts verdicts;
    private final CancellationToken stop;
    private final boolean stopAtFirstFailure;
    private volatile String stoppedBecause;

    ResultRecorder(CheckEvents events, Verdicts verdicts, CancellationToken stop, boolean stopAtFirstFailure) {
        this.events = events;
        this.verdicts = verdicts;
        this.stop = stop;
        this.stopAtFirstFailure = stopAtFirstFailure;
    }

    static String name(TestIdentifier test) {
        return name(test.getDisplayName());
    }

    /** A display name, or the method's name in words: {@code heapUsed()} reads "heap used". */
    static String name(String name) {
        if (!name.endsWith("()")) {
            return name;
        }
        return name.substring(0, name.length() - 2)
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
    }

    /** The check class's own node: its set-up and clean-up run within it, around its tests. */
    private static boolean isCheckClass(TestIdentifier test) {
        return test.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (isCheckClass(test)) {
            events.classStarted();
        }
        if (test.isTest()) {
            Feedback.takeObserved();   // what an earlier container observed is not this test's
            events.started(name(test));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            events.finished(name(test), TestStatus.SKIPPED, stoppedBecause != null ? stoppedBecause : reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (isCheckClass(test)) {
            events.classFinished();
        }
        boolean failedContainer = test.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failedContainer) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> events.passed(name(test), Feedback.takeObserved());
            case ABORTED -> events.finished(name(test), TestStatus.SKIPPED,
                    result.getThrowable().map(Throwable::getMessage).orElse(null));
            case FAILED -> {
                Throwable thrown = result.getThrowable().orElseThrow();
                Verdicts.Verdict verdict = verdicts.of(thrown);
                events.finished(name(test), verdict.status(), verdict.message());
                if (Verdicts.isTimeout(thrown)) {
                    stop(NOT_RUN_AFTER_TIMEOUT);
                } else if (stopAtFirstFailure) {
                    stop(NOT_RUN_AFTER_FAILURE);
                }
            }
        }
    }

    /** Cancels the tests not yet run; each is recorded as not run, for the first reason given. */
    private void stop(String reason) {
        if (stoppedBecause == null) {
            stoppedBecause = reason;
        }
        stop.cancel();
    }
}
