package lesson5.checks;

import java.time.Duration;
import java.util.Locale;
import lesson5.HeapLeakAlert;
import lesson5.checks.WatchedRuns.Watched;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code heap-leak-alert}: a leaking run (a low baseline, a live set growing a few MB a
 * second) and a healthy one (a high baseline, tall short-lived spikes) are watched side by side; the learner's
 * rule must fire on the first and stay silent on the second, whichever comes first.
 */
class HeapLeakAlertCheck {

    private static final Attributes HEAP = Attributes.of("jvm.memory.type", "heap");
    private static final String LIVE_SET = "Lesson 5, 'Sawtooth and live set': heap used is mostly garbage waiting"
            + " for a collection; a leak is what is left after every collection, growing";
    private static final Duration ALL = Duration.ofMinutes(1);
    private static final String NOISE = "Lesson 5, 'Sawtooth and live set' (heap used is mostly garbage) and 'Rates,"
            + " windows and for' (a pace held over the whole window, never a size: baselines differ)";

    @Test
    void firesOnAGrowingLiveSetAndStaysSilentOnASawtooth() throws Exception {
        for (Watched run : WatchedRuns.watch(WatchedRuns.HEALTHY_HEAP_MB)) {
            boolean fired = HeapLeakAlert.firing(run.sampler());
            TimeSeries used = run.sampler().series("jvm.memory.used", HEAP);
            TimeSeries live = run.sampler().series("jvm.memory.used_after_last_gc", HEAP);
            String seen = String.format(Locale.ROOT, " Over %.1f s, heap used went %s (%.0f to %.0f MB) and the heap"
                    + " after the last collection went %s (%.0f to %.0f MB).", WatchedRuns.WINDOW.toMillis() / 1000.0,
                    used.sparkline(30), mb(used.min(ALL)), mb(used.max(ALL)), live.sparkline(30), mb(live.min(ALL)),
                    mb(live.max(ALL)));
            if (run.plan().leaking()) {
                Feedback.check(fired, "Your rule stayed silent on a service whose live set kept growing." + seen,
                        LIVE_SET);
            } else {
                Feedback.check(!fired, "Your rule fired on a healthy service that only allocates in bursts and"
                        + " keeps what it always kept." + seen, NOISE);
            }
        }
    }

    private static double mb(double bytes) {
        return bytes / (1 << 20);
    }
}
