package workbench.lessons.harness;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.Locale;

/** Writes each test's start and outcome, worded for the learner, as it happens. */
final class ResultRecorder implements TestExecutionListener {

    private final CheckEvents events;
    private final Verdicts verdicts;

    ResultRecorder(CheckEvents events, Verdicts verdicts) {
        this.events = events;
        this.verdicts = verdicts;
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

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            Feedback.takeObserved();   // what an earlier container observed is not this test's
            events.started(name(test));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            events.finished(name(test), TestStatus.SKIPPED, reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean failedContainer = test.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failedContainer) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> events.passed(name(test), Feedback.takeObserved());
            case ABORTED -> events.finished(name(test), TestStatus.SKIPPED,
                    result.getThrowable().map(Throwable::getMessage).orElse(null));
            case FAILED -> {
                Verdicts.Verdict verdict = verdicts.of(result.getThrowable().orElseThrow());
                events.finished(name(test), verdict.status(), verdict.message());
            }
        }
    }
}
