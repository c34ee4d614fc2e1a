package lesson5.checks;

import java.time.Duration;
import java.util.Locale;
import lesson5.ThreadClimbAlert;
import lesson5.checks.WatchedRuns.Watched;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code thread-climb-alert}: a leaking run (few threads, a few more every second that
 * never end) and a healthy one (many idle threads, a pool that grows by dozens and shrinks back) are watched side
 * by side; the learner's rule must fire on the first and stay silent on the second, whichever comes first.
 */
class ThreadClimbAlertCheck {

    private static final Duration ALL = Duration.ofMinutes(1);
    private static final String CLIMB = "Lesson 5, 'A steady climb': pools grow and shrink; a leak raises the"
            + " count even when the pools are at their smallest, and keeps raising it";
    private static final String NOISE = "Lesson 5, 'A steady climb' (pools grow and shrink) and 'Rates, windows and"
            + " for' (a pace held over the whole window, never a count: baselines differ)";

    @Test
    void firesOnASteadyClimbAndStaysSilentOnPoolsThatFluctuate() throws Exception {
        for (Watched run : WatchedRuns.watch(WatchedRuns.HEALTHY_HEAP_MB)) {
            boolean fired = ThreadClimbAlert.firing(run.sampler());
            TimeSeries count = run.sampler().series("jvm.thread.count");
            String seen = String.format(Locale.ROOT, " Over %.1f s the thread count went %s, between %.0f and %.0f.",
                    WatchedRuns.WINDOW.toMillis() / 1000.0, count.sparkline(30), count.min(ALL), count.max(ALL));
            if (run.plan().leaking()) {
                Feedback.check(fired, "Your rule stayed silent on a service that starts threads which never end."
                        + seen, CLIMB);
            } else {
                Feedback.check(!fired, "Your rule fired on a healthy service whose pools grow and shrink." + seen,
                        NOISE);
            }
        }
    }
}
