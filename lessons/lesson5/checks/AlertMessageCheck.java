package lesson5.checks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lesson5.HeapPager;
import lesson5.checks.Scene.HeapShape;
import lesson5.checks.WatchedRuns.Watched;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.harness.Feedback;
import workbench.harness.ReferenceSolution;

/**
 * Hidden checks of exercise {@code alert-message}: six runs of {@code watched-service} watched at once
 * ({@link Scenes#forPager}). The learner's pager must page for the two whose live set grows and stay silent on the
 * four healthy ones; its page's pace and time to the maximum must be within 15% of what the reference pager says
 * about the same samples (the live set's floors are noisy, so a figure planned in advance would be no yardstick).
 * Each run defeats a shortcut, in every check:
 *
 * <ul>
 *   <li><b>heap used</b> for the live set, to decide: a quiet collector lets heap used climb tens of MB with
 *       garbage; tall bursts lift it above a third of the maximum.
 *   <li><b>the first and last floors</b> only, or floors that rise at any pace: a cache that warms up slowly and
 *       another loaded once, early in the window.
 *   <li><b>a slope or the latest value</b> of the live set, to decide or to measure: a report held through the end
 *       of the window lifts the latest value by tens of MB and tilts any straight line, on a healthy run and on
 *       the leak alike.
 *   <li><b>the allocation rate</b> or <b>heap used's slope</b> for the pace: the leak allocates 20 to 30 MB a
 *       second of garbage, and holds a report of nearly half the heap's remaining room through the end.
 *   <li><b>the pace over the whole window</b>: the first and last floors stand for parts two thirds of the window
 *       apart; dividing by all of it is a third too slow.
 *   <li><b>time left from zero</b>: the leak's live set is more than half of the maximum already.
 *   <li><b>time left from heap used</b>: heap used ends far above the live set, by the report held at the end.
 *   <li><b>time left from an earlier floor</b> (the first part's, where the line begins): the heap is full 10 to
 *       15 s after the window, so the live set's rise over the window is a third or more of the room left.
 *   <li><b>the pools' limits summed</b> for the maximum: the leak runs on ZGC, whose two generations each report
 *       the whole maximum.
 *   <li><b>a megabyte of a million bytes</b>: the pace is then 5% high, within the tolerance, but the maximum
 *       named is 5% above the -Xmx the service runs with.
 *   <li><b>the sampler's period for the clock</b> (reads times 100 ms, the period of the lesson's samplers): the
 *       runs are read every {@value #FASTEST_READS_MILLIS} to {@value #SLOWEST_READS_MILLIS} ms, so a pace timed by
 *       counting reads is a quarter or more too fast; time comes from the points.
 *   <li><b>a page when the live set is high</b> (90% of the maximum, say), climbing or not: a healthy run's cache
 *       fills 91 to 93% of its heap, level through the window.
 *   <li><b>a page only when the heap is full soon</b> (a horizon of a minute or so): a second leak, on a 640 MB
 *       heap, is 80 to 125 s from its maximum, within the hours a page is for. Pace and time left are checked on it
 *       too, against the reference.
 *   <li><b>every part rising at the whole pace</b>, or at half the pace of the window, or <b>the last step's pace</b>
 *       for how fast: that second leak's traffic slows part way, from 8 to 9 MB a second to 1.7 to 1.9, so that
 *       its floor's last step is under 2.3 MB a second (over half the reference's 2.5, under all of it), its first
 *       about four times as fast, and the pace from first floor to last over twice the last step's.
 *   <li><b>the heap's page inhibited while threads climb</b>, as if stuck threads were what fills the heap: that
 *       second leak's service also starts 3 to 6 threads a second that never end. They hold kilobytes; the heap
 *       fills at its own pace, and only its page says by when.
 * </ul>
 */
class AlertMessageCheck {

    private static final double MB = 1 << 20;
    private static final double TOLERANCE = 0.15;
    private static final Attributes HEAP = Attributes.of("jvm.memory.type", "heap");
    private static final Pattern RATE = Pattern.compile("growing (\\d+(?:\\.\\d+)?) MB/s");
    private static final Pattern WHEN = Pattern.compile("in about (\\d+(?:\\.\\d+)?) s");
    private static final Pattern MAXIMUM = Pattern.compile("the (\\d+(?:\\.\\d+)?) MB maximum");
    /** How far the maximum named may be from -Xmx: rounding, but not a megabyte of a million bytes (5% apart). */
    private static final double MAXIMUM_TOLERANCE = 0.01;
    private static final String LIVE_SET = "Lesson 5, 'Sawtooth and live set': heap used is mostly garbage waiting"
            + " for a collection; page on what survives collections";
    private static final String FOR = "Lesson 5, 'Rates, windows and for': page only when the floor rises in every"
            + " part of the window, and take floors, not a line through every point or the latest value";
    private static final String HOW_FAST = "Lesson 5, 'Alerts a person can act on' and 'Rates, windows and for': how"
            + " fast is the pace of the live set's floors, between the parts they stand for";
    private static final String FORM = "Lesson 5, 'Alerts a person can act on': what grows, how fast and by when, in"
            + " the form HeapPager's Javadoc gives";
    private static final String MEGABYTE = "Lesson 5, 'Alerts a person can act on': a page's MB is the JVM's,"
            + " 1 << 20 bytes, as in -Xmx and the lesson's snippets";
    private static final String LEVEL = "Lesson 5, 'Alerts a person can act on': full is where the live set is"
            + " heading; a high but level live set is a size, not a trend, and no page";
    private static final String BY_WHEN = "Lesson 5, 'Alerts a person can act on': by when is what is left of the"
            + " maximum above the live set now, at that pace";

    /** A maximum from which a leak's live set is minutes, not seconds, from full. */
    private static final long ROOMY = 640L << 20;
    private static final String ROOM = "Lesson 5, 'Alerts a person can act on' and 'Rates, windows and for': a heap"
            + " that will be full within hours is a page; page whenever the live set keeps growing at a leak's pace,"
            + " each part rising at half that pace or more as a leak that slows with its traffic does, and let 'by"
            + " when' say how far off the maximum is";
    private static final String TWO_LEAKS = "; and 'Alerts a person can act on': two leaks in one service are two"
            + " pages, the thread alert does not say when the heap is full";

    /**
     * The samplers read this often: a period no pager can assume, far enough from the lesson's 100 ms that a clock
     * counted in reads misses by more than the tolerance.
     */
    static final int FASTEST_READS_MILLIS = 125;
    static final int SLOWEST_READS_MILLIS = 140;

    private static List<Watched> runs;

    /** Starts the runs' JVMs and watches them for a window: longer than one test's usual limit on a busy machine. */
    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void watchRuns() throws Exception {
        Random random = new Random();
        runs = WatchedRuns.watch(Scenes.forPager(random),
                WatchedRuns.drawPeriod(random, FASTEST_READS_MILLIS, SLOWEST_READS_MILLIS));
    }

    @Test
    void pagesForAGrowingLiveSet() {
        for (Watched run : runs(HeapShape.GROWING)) {
            Feedback.check(HeapPager.page(run.sampler(), run.scene().maxHeapBytes()) != null, "Your pager stayed"
                    + " silent on a service whose live set kept growing." + seen(run) + room(run),
                    revisitIfSilent(run));
        }
    }

    @Test
    void saysHowFastTheLiveSetGrows() throws Exception {
        for (Watched run : runs(HeapShape.GROWING)) {
            String page = pageOf(run);
            double rate = number(RATE, page, "how fast the live set grows");
            double reference = number(RATE, referencePage(run), "how fast");
            Feedback.check(near(rate, reference), "Your page \"" + page + "\" gives a growth rate that does not"
                    + " match the run" + PaceProxies.of(run).matched(rate) + "." + seen(run), HOW_FAST);
        }
    }

    @Test
    void saysWhenTheHeapIsFull() throws Exception {
        for (Watched run : runs(HeapShape.GROWING)) {
            String page = pageOf(run);
            double rate = number(RATE, page, "how fast the live set grows");
            double when = number(WHEN, page, "in how many seconds the maximum is reached");
            double reference = number(WHEN, referencePage(run), "by when");
            Feedback.check(near(when, reference), "Your page \"" + page + "\" gives a time to the maximum that does"
                    + " not match the run" + PaceProxies.of(run).matchedTimeLeft(when, rate * MB) + "." + seen(run),
                    BY_WHEN);
        }
    }

    @Test
    void namesTheMaximumAsTheJvmCountsIt() {
        for (Watched run : runs(HeapShape.GROWING)) {
            String page = pageOf(run);
            double maximum = number(MAXIMUM, page, "the maximum it reaches");
            double xmx = run.scene().maxHeapBytes() / MB;
            Feedback.check(Math.abs(maximum - xmx) <= MAXIMUM_TOLERANCE * xmx, String.format(Locale.ROOT, "Your page"
                    + " \"%s\" names a maximum that is not the service's: it runs with -Xmx%dm, %,d bytes.", page,
                    run.scene().maxHeapBytes() >> 20, run.scene().maxHeapBytes()), MEGABYTE);
        }
    }

    @Test
    void staysSilentWhenOnlyHeapUsedClimbs() {
        for (Watched run : runs(HeapShape.QUIET)) {
            silent(run, "on a healthy service in a quiet spell: no collection ran in the window, so heap used climbed"
                    + " with garbage while the heap after the last collection stayed where it was", LIVE_SET);
        }
    }

    @Test
    void staysSilentOnALevelShift() {
        for (Watched run : runs(HeapShape.STEPPED)) {
            silent(run, "on a healthy service whose cache warms up slowly and which loaded another cache once,"
                    + " early in the window", FOR);
        }
    }

    @Test
    void staysSilentOnAHeapFullButLevel() {
        for (Watched run : runs(HeapShape.FULL_AND_LEVEL)) {
            TimeSeries live = run.sampler().series("jvm.memory.used_after_last_gc", HEAP);
            silent(run, String.format(Locale.ROOT, "on a healthy service whose cache is sized to fill most of its"
                    + " heap: its live set stayed level, at %.0f%% of the maximum", 100 * live.latestValue()
                    / run.scene().maxHeapBytes()), LEVEL);
        }
    }

    @Test
    void staysSilentOnASpikeAtTheEndOfTheWindow() {
        for (Watched run : runs(HeapShape.SPIKED_AT_END)) {
            TimeSeries live = run.sampler().series("jvm.memory.used_after_last_gc", HEAP);
            silent(run, String.format(Locale.ROOT, "on a healthy service whose report held a tall burst through the"
                    + " last second of the window (the heap after the last collection ended at %.0f MB)",
                    live.latestValue() / MB), FOR);
        }
    }

    private static void silent(Watched run, String where, String revisit) {
        String page = HeapPager.page(run.sampler(), run.scene().maxHeapBytes());
        Feedback.check(page == null, "Your pager sent \"" + page + "\" " + where + "." + seen(run), revisit);
    }

    private static List<Watched> runs(HeapShape shape) {
        Predicate<Scene> kind = scene -> scene.heap() == shape;
        return runs.stream().filter(run -> kind.test(run.scene())).toList();
    }

    private static String pageOf(Watched run) {
        String page = HeapPager.page(run.sampler(), run.scene().maxHeapBytes());
        Feedback.check(page != null, "Your pager stayed silent on a service whose live set kept growing, so there"
                + " was no page to read." + seen(run) + room(run), revisitIfSilent(run));
        return page;
    }

    /** For a leak in a roomy heap, what silence on it overlooked; else nothing. */
    private static String room(Watched run) {
        return run.scene().maxHeapBytes() >= ROOMY ? " Its maximum is further off than a nearly full heap's, and its"
                + " traffic slowed part way, yet its live set rose in every part and climbs at a leak's pace from its"
                + " first floor to its last: at that pace the heap is full within hours. Its thread count climbed"
                + " too, a leak of its own; stuck threads hold kilobytes, not the MB a second its live set gained."
                : "";
    }

    private static String revisitIfSilent(Watched run) {
        return run.scene().maxHeapBytes() >= ROOMY ? ROOM + TWO_LEAKS : LIVE_SET;
    }

    /** What the course's own pager says about the same samples. */
    private static String referencePage(Watched run) throws Exception {
        Method page = ReferenceSolution.classOf(HeapPager.class).getMethod("page", Sampler.class, long.class);
        try {
            String said = (String) page.invoke(null, run.sampler(), run.scene().maxHeapBytes());
            if (said == null) {
                throw new IllegalStateException("The reference pager stayed silent on a leak; the check's run was"
                        + " not what it meant to be. Run the check again.");
            }
            return said;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The reference pager failed", e.getCause());
        }
    }

    private static double number(Pattern pattern, String page, String what) {
        Matcher matcher = pattern.matcher(page);
        Feedback.check(matcher.find(), "Your page \"" + page + "\" does not say " + what
                + " in the form HeapPager's Javadoc gives.", FORM);
        return Double.parseDouble(matcher.group(1));
    }

    private static boolean near(double said, double reference) {
        return Math.abs(said - reference) <= TOLERANCE * reference;
    }

    private static String seen(Watched run) {
        Floors floors = Floors.of(run.sampler().series("jvm.memory.used_after_last_gc", HEAP));
        return String.format(Locale.ROOT, " Over %.1f s the floors of the heap after each collection, in the three"
                + " parts of the window, were %s; the maximum heap is %d MB.",
                run.scene().watched().toMillis() / 1000.0, floors.inMb(), run.scene().maxHeapBytes() >> 20);
    }
}
