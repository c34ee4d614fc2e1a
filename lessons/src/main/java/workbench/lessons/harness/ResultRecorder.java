package workbench.lessons.harness;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/** Writes each test's start and outcome, worded for the learner, as it happens. */
final class ResultRecorder implements TestExecutionListener {

    private final CheckEvents events;
    private final Verdicts verdicts;

    ResultRecorder(CheckEvents events, Verdicts verdicts) {
        this.events = events;
        this.verdicts = verdicts;
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            events.started(test.getDisplayName());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            events.finished(test.getDisplayName(), "skipped", reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean failedContainer = test.isContainer() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failedContainer) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> events.finished(test.getDisplayName(), "pass", null);
            case ABORTED -> events.finished(test.getDisplayName(), "skipped",
                    result.getThrowable().map(Throwable::getMessage).orElse(null));
            case FAILED -> {
                Verdicts.Verdict verdict = verdicts.of(result.getThrowable().orElseThrow());
                events.finished(test.getDisplayName(), verdict.status(), verdict.message());
            }
        }
    }
}
