package lesson5.checks;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lesson5.HeapPager;
import lesson5.checks.WatchedRuns.Watched;
import org.junit.jupiter.api.Test;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code alert-message}: a leaking run with a random maximum heap and a healthy run
 * with tall spikes of heap used are watched side by side. The learner's pager must stay silent on the healthy
 * one, and for the leak say how fast the live set grows and when it reaches the maximum, each within 35% of
 * what the check measured.
 */
class AlertMessageCheck {

    private static final double MB = 1 << 20;
    private static final double TOLERANCE = 0.35;
    private static final Pattern RATE = Pattern.compile("growing (\\d+(?:\\.\\d+)?) MB/s");
    private static final Pattern WHEN = Pattern.compile("in about (\\d+(?:\\.\\d+)?) s");
    private static final String LIVE_SET = "Lesson 5, 'Sawtooth and live set': heap used is mostly garbage waiting"
            + " for a collection; page on what survives collections";
    private static final String ACTIONABLE = "Lesson 5, 'Alerts a person can act on': say what grows, how fast,"
            + " and by when it runs out";

    private final Random random = new Random();

    @Test
    void pagesOnlyForALeakAndSaysHowFastAndByWhen() throws Exception {
        for (Watched run : WatchedRuns.watch(256 + random.nextInt(65))) {
            String page = HeapPager.page(run.sampler(), run.maxHeapBytes());
            LiveSet live = LiveSet.of(run.sampler());
            String seen = String.format(Locale.ROOT, " Over %.1f s the heap after each collection went from a floor"
                    + " of %.0f MB to one of %.0f MB, with a maximum heap of %d MB.",
                    WatchedRuns.WINDOW.toMillis() / 1000.0, live.first() / MB, live.last() / MB,
                    run.maxHeapBytes() >> 20);
            if (!run.plan().leaking()) {
                Feedback.check(page == null, "Your pager sent \"" + page + "\" about a healthy service whose heap"
                        + " used spikes and falls back." + seen, LIVE_SET);
                continue;
            }
            Feedback.check(page != null, "Your pager stayed silent on a service whose live set kept growing." + seen,
                    LIVE_SET);
            double rate = number(RATE, page, "how fast the live set grows");
            Feedback.check(near(rate, live.perSecond() / MB), "Your page \"" + page + "\" gives a growth rate"
                    + " that does not match the run." + seen, ACTIONABLE);
            double when = number(WHEN, page, "in how many seconds the maximum is reached");
            double left = (run.maxHeapBytes() - live.last()) / live.perSecond();
            Feedback.check(near(when, left), "Your page \"" + page + "\" gives a time to the maximum that does not"
                    + " match the run." + seen, ACTIONABLE);
        }
    }

    private static double number(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        Feedback.check(matcher.find(), "Your page \"" + page + "\" does not say " + what
                + " in the form HeapPager's Javadoc gives.", ACTIONABLE);
        return Double.parseDouble(matcher.group(1));
    }

    private static boolean near(double said, double measured) {
        return Math.abs(said - measured) <= TOLERANCE * measured;
    }
}
