package lesson5.checks;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import lesson5.checks.WatchedRuns.Watched;
import workbench.harness.Feedback;

/**
 * Whether a rule's verdict on a run comes from that run's window alone. An alert rule is asked about many services;
 * one that keeps state between calls (a static flag, hysteresis across every service it is asked about) answers for
 * one service what it saw of another, and only in some orders of asking.
 */
final class StatelessRule {

    static final String WINDOW_ALONE = "Lesson 5, 'Rates, windows and for': a rule decides from the window it is"
            + " handed; what stays pending or firing between evaluations is the alerting engine's, kept per service,"
            + " never one field shared by every service the rule is asked about";

    private StatelessRule() {
    }

    /**
     * Asks the rule about every run once, then about each run again right after each other run, and fails when a
     * verdict changes with the run judged just before it.
     */
    static void check(List<Watched> runs, Predicate<Watched> firing) {
        List<Boolean> first = runs.stream().map(firing::test).toList();
        for (int before = 0; before < runs.size(); before++) {
            for (int run = 0; run < runs.size(); run++) {
                firing.test(runs.get(before));
                boolean again = firing.test(runs.get(run));
                Feedback.check(again == first.get(run), String.format(Locale.ROOT, "The check asked your rule"
                        + " about each of its %d runs once, then again right after each other run. Run %d of them,"
                        + " the same samples each time, was %s the first time and %s right after run %d (which it"
                        + " found %s): its verdict depends on the service it judged before, so it keeps state from"
                        + " one call to the next.", runs.size(), run + 1, said(first.get(run)), said(again),
                        before + 1, said(first.get(before))), WINDOW_ALONE);
            }
        }
    }

    private static String said(boolean firing) {
        return firing ? "firing" : "silent";
    }
}
