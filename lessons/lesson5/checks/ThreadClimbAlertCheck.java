package lesson5.checks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import lesson5.ThreadClimbAlert;
import lesson5.checks.Scene.HeapShape;
import lesson5.checks.Scene.ThreadShape;
import lesson5.checks.WatchedRuns.Watched;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.harness.Feedback;

/**
 * Hidden checks of exercise {@code thread-climb-alert}: eight runs of {@code watched-service} watched at once
 * ({@link Scenes#forThreadAlert}); the learner's rule must fire on the five whose threads leak and stay silent on
 * the three others. Each run defeats a shortcut, in every check:
 *
 * <ul>
 *   <li><b>a count</b> for a pace: healthy runs keep 150 to 190 idle threads, more than the small services' leaks
 *       reach in the window; any fixed threshold fires on a healthy run or misses a leak.
 *   <li><b>threads gained</b> over the window for a pace: the leak stuck WAITING, 3 to 3.5 threads a second, is
 *       watched for 4 s, the other runs for 15 s, and its floor gains fewer threads in its window than the slowly
 *       filling pool's in the long one.
 *   <li><b>the range</b> of the count: a flood of 100 to 140 tasks at the end of the window swings a healthy count
 *       further than any leak moves in the window.
 *   <li><b>a slope, mean, median, latest value or first-to-last difference</b> of the count instead of its floors:
 *       the same flood, through the last 3.2 s of the window (most of its last part, after that part's floor), tilts
 *       any line through every point and lifts the last part's mean and median and the latest value; a pool resized
 *       once raises the mean part after part.
 *   <li><b>the first and last floors</b> only, nothing held for the whole window, or <b>floors that rise by any
 *       amount</b> and a pace from first to last: a pool resized once, by 20 to 40 threads, in the middle of the
 *       window, while a connection pool opens a reader thread every 3 s or so, so that every floor rises.
 *   <li><b>floors that rise, at any pace</b>, or <b>threads started</b> for the pace: a connection pool that opens
 *       1.5 to 1.6 reader threads a second lifts every floor of the healthy run that floods, over half the rule's
 *       pace of 2 a second yet under all of it, while its elastic pool starts dozens of short-lived threads a second.
 *   <li><b>the sampler's period for the clock</b> (reads times 100 ms, the period of the lesson's samplers): the
 *       runs are read every {@value #FASTEST_READS_MILLIS} to {@value #SLOWEST_READS_MILLIS} ms, drawn per check,
 *       so a pace timed by counting reads is half as fast again or more, and the filling pool's is over 2 a
 *       second; time comes from the points.
 *   <li><b>a share</b> of the service's count for a pace: one leak, 3 to 6 threads a second, runs in a busy
 *       service with 150 to 190 idle threads, so that it climbs under 5% of its count a second.
 *   <li><b>one thread state</b> (WAITING), <b>untimed states</b> only, or <b>every state but RUNNABLE</b>, for all
 *       stuck threads: one leak's threads wait on a latch, another's poll it with a time-out (TIMED_WAITING), a
 *       third's sit in a socket read that never returns (RUNNABLE, in native code), the busy service's block on a
 *       lock (BLOCKED).
 *   <li><b>the sum of each state's floor</b> for the floor of the count: the watchers of the leak stuck
 *       TIMED_WAITING poll a table that changes every second or so, and each change wakes them all to wait for it,
 *       BLOCKED, for a third of a second, so that in every part one read finds none of them TIMED_WAITING and
 *       another none BLOCKED; each state's floor leaves them out, the count's floor does not.
 *   <li><b>only reads that hold every state</b> seen in the window, as if a read without one had failed: in the
 *       leak stuck RUNNABLE, a lock held for 0.5 to 0.7 s, 1 to 2.5 s into the window, keeps 1 or 2 threads
 *       BLOCKED, the only time in the run that any thread is; the reads that hold it are all in the first part.
 *   <li><b>the state that climbs fastest</b>, each state's count judged alone: one leak's threads take the four
 *       states in turn, 3 to 4.4 threads a second in all, so no state gains more than 1.1 a second, less than the
 *       healthy filling pool's WAITING readers.
 *   <li><b>floors from quiet reads only</b> (reads with no thread started since the one before, as if the pools
 *       were at their smallest only then): the same leak's service runs 20 to 30 tasks a second on a thread each,
 *       started for the task and gone 5 to 15 ms later, so that no read is quiet.
 *   <li><b>peaks that rise</b> beside the floors: the busy service that leaks takes a flood of 160 to 200 tasks
 *       early in the window, so that its first part's peak is its highest.
 *   <li><b>a climb that slows read as a pool filling up</b> (silent when the last step is well below the first),
 *       or <b>half the leak's own pace</b> for each part's least rise instead of half the rule's: the leak stuck
 *       TIMED_WAITING starts 8 to 9 threads a second, then from just before the second part opens 1.5 to 1.6, so
 *       that its floor's second step is under half its first and under half its pace from the first floor to the
 *       last, yet over half the rule's.
 *   <li><b>the whole window</b> for the time between the first and last floors: the leak stuck RUNNABLE starts 2.4
 *       to 2.6 threads a second, so that its floors, two parts of the window apart, rise at under the rule's pace
 *       if timed over all three.
 *   <li><b>each floor against the first</b> instead of against the one before: the service whose heap leaks has
 *       its fixed pool resized once, by 25 to 40 threads, in the first part of the window after its floor was
 *       taken, and is level after; every later floor stands far above the first, the last step is flat.
 *   <li><b>the heap</b> for threads: one run's heap leaks while its threads are steady, and two of the thread leaks
 *       run beside a level heap.
 *   <li><b>one alert per service</b>, silent on threads while the heap leaks too: the thread leak stuck
 *       TIMED_WAITING runs beside a heap that leaks as well.
 *   <li><b>state kept from one call to the next</b> (a static flag, hysteresis across every service the rule is
 *       asked about): each run is asked about again right after each other run, and its verdict must not change.
 * </ul>
 *
 */
class ThreadClimbAlertCheck {

    private static final Duration ALL = Duration.ofMinutes(1);
    private static final String CLIMB = "Lesson 5, 'A steady climb': pools grow and shrink; a leak raises the"
            + " count even when the pools are at their smallest, and keeps raising it";
    private static final String FOR = "Lesson 5, 'Rates, windows and for': a leak raises the floor in every part of"
            + " the window, each at a leak's pace; one step, held or not, is not a climb";
    private static final String PACE = "Lesson 5, 'A steady climb' and 'Rates, windows and for': a pace, not a"
            + " count; a busy healthy service has more threads than a young leak";
    private static final String SHARE = "Lesson 5, 'A steady climb' and 'Rates, windows and for': a pace in threads"
            + " a second, whatever the service's usual count; a leak in a busy service is a small share of it";
    private static final String EVERY_STATE = "Lesson 5, 'A steady climb': count every thread, whatever its state;"
            + " a leak whose threads get stuck in several states climbs in none of them as fast as in all";
    private static final String ONCE_EACH = "Lesson 5, 'A steady climb': count every thread at each read, whatever"
            + " its state, and take the floor of that count; a stuck thread can change state within a part, and then"
            + " drops out of each state's floor";
    private static final String ONCE_EACH_AND_SLOWING = ONCE_EACH + "; and each part's floor must rise at half"
            + " the rule's pace or more, whatever the leak's own pace";
    private static final String EVERY_THREAD_TIMED = "Lesson 5, 'A steady climb' and 'Rates, windows and for': count"
            + " every thread, whatever its state, and time the pace from the first floor to the last, whose parts"
            + " stand two thirds of the window apart";
    private static final String FLOOD = "Lesson 5, 'Rates, windows and for': a flood only ever raises the count, so"
            + " take the floor of each part (not a line through every point, a mean, a median or the latest value), and"
            + " ask that the floors rise at a pace no healthy pool reaches";

    /** The samplers read this often: a period no rule can assume, far enough from the lesson's 100 ms. */
    static final int FASTEST_READS_MILLIS = 155;
    static final int SLOWEST_READS_MILLIS = 170;

    private static List<Watched> runs;

    /** Starts the runs' JVMs and watches them for a window: longer than one test's usual limit on a busy machine. */
    @BeforeAll
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    static void watchRuns() throws Exception {
        Random random = new Random();
        runs = WatchedRuns.watch(Scenes.forThreadAlert(random),
                WatchedRuns.drawPeriod(random, FASTEST_READS_MILLIS, SLOWEST_READS_MILLIS));
    }

    @Test
    void firesOnThreadsStuckWaiting() {
        for (Watched run : stuck(state -> state == Thread.State.WAITING)) {
            boolean brief = run.scene().watched().compareTo(longestWatch()) < 0;
            Feedback.check(firing(run), "Your rule stayed silent on a service that starts threads which never end,"
                    + " each waiting on a latch nobody opens." + counted(run) + (brief ? String.format(Locale.ROOT,
                    " The other runs were watched for %.1f s: a climb is a pace in threads a second, whatever the"
                    + " window's length, not a number of threads gained.", longestWatch().toMillis() / 1000.0) : ""),
                    brief ? PACE : CLIMB);
        }
    }

    @Test
    void firesOnThreadsStuckInAnyState() {
        for (Watched run : stuck(state -> state != Thread.State.WAITING)) {
            Thread.State state = run.scene().plan().threads().stuckIn().getFirst();
            String how = switch (state) {
                case BLOCKED -> "each BLOCKED on a lock nobody releases";
                case RUNNABLE -> "each reading a socket whose peer never writes (RUNNABLE: the JVM reports a thread"
                        + " waiting in native I/O as running), just over the rule's pace. Once, early in the window, a"
                        + " lock held for half a second kept a thread or two BLOCKED, the only reads with any thread in"
                        + " that state: in every other read that state has no thread, zero, and the read is as whole as"
                        + " any";
                default -> "each polling a session table with a time-out (TIMED_WAITING) and, every second or so,"
                        + " woken with all the others by a change to the table, to wait for it BLOCKED; its pace"
                        + String.format(Locale.ROOT, " slowed from just before the second part of the window on, as"
                        + " its traffic fell: its floor's last step rose %.1f threads a second, slower than its first."
                        + " A leak that slows still leaks", Floors.lastStepPace(run.sampler()
                        .series("jvm.thread.count")));
            };
            String heapToo = run.scene().heap() == HeapShape.GROWING ? " Its heap leaked as well; that is another"
                    + " alert's business, and takes nothing from this one." : "";
            Feedback.check(firing(run), "Your rule stayed silent on a service that starts threads which never end, "
                    + how + ". A leaked thread can be stuck in any state; every one counts." + counted(run) + heapToo
                    + String.format(Locale.ROOT, " Timed by the points, its first floor to its last rose %.1f threads"
                    + " a second.", floorPace(run)),
                    state == Thread.State.TIMED_WAITING ? ONCE_EACH_AND_SLOWING : EVERY_THREAD_TIMED);
        }
    }

    @Test
    void firesOnALeakSpreadOverEveryState() {
        for (Watched run : runs(scene -> scene.threads() == ThreadShape.STUCK_SPREAD)) {
            Feedback.check(firing(run), "Your rule stayed silent on a service that starts threads which never end,"
                    + " one waiting on a latch, the next polling it with a time-out, the next blocked on a lock, the"
                    + " next reading a socket whose peer never writes, and round again." + counted(run)
                    + " By state, its floors were " + floorsByState(run) + ": no one state climbs at a leak's pace,"
                    + " all of them together do. It also ran 20 to 30 tasks a second on a thread each, started for"
                    + " the task and gone within milliseconds, so threads were started between any two reads: the"
                    + " floor of every read is already the count at its smallest.", EVERY_STATE);
        }
    }

    @Test
    void firesOnALeakInABusyService() {
        for (Watched run : runs(scene -> scene.threads() == ThreadShape.STUCK_BUSY)) {
            Feedback.check(firing(run), "Your rule stayed silent on a busy service, with as many idle threads as a"
                    + " healthy one, that starts threads which never end, each BLOCKED on a lock nobody releases."
                    + counted(run) + " Its floors climb as fast as a small service's leak; in a big count that is a"
                    + " small share, and a leak all the same. Early in the window it took a flood of tasks, so its"
                    + " highest count came first: how high a burst goes says how big the batch was, not whether"
                    + " threads stay.", SHARE);
        }
    }

    @Test
    void staysSilentWhenOnlyTheHeapLeaks() {
        for (Watched run : runs(scene -> scene.heap() == HeapShape.GROWING && !scene.plan().threads().leaks())) {
            Floors live = Floors.of(run.sampler().series("jvm.memory.used_after_last_gc",
                    Attributes.of("jvm.memory.type", "heap")));
            silent(run, "Your rule fired on a service whose heap leaks and whose threads do not: the"
                    + " floors of its heap after each collection in the three parts of the window were "
                    + live.inMb() + "." + counted(run) + " Its fixed pool was resized once, early in the window,"
                    + " and kept its new size. A thread leak is the thread count's floor climbing in every part.",
                    CLIMB);
        }
    }

    @Test
    void staysSilentOnAPoolResizedOnce() {
        for (Watched run : runs(scene -> scene.threads() == ThreadShape.RESIZED)) {
            silent(run, "Your rule fired on a healthy service whose fixed pool was resized once, in"
                    + " the middle of the window, and kept its new size, while its connection pool opened a reader"
                    + " thread every few seconds." + counted(run), FOR);
        }
    }

    @Test
    void staysSilentOnAPoolThatFillsSlowlyAndSurges() {
        for (Watched run : runs(scene -> scene.threads() == ThreadShape.SURGING)) {
            silent(run, "Your rule fired on a healthy service whose connection pool fills slowly,"
                    + " a reader thread or two a second, whose elastic pool starts dozens of short-lived threads a"
                    + " second, and which took a flood of tasks through the last seconds of the window." + counted(run)
                    + String.format(Locale.ROOT, " Timed by the points, its first floor to its last rose %.1f"
                    + " threads a second; the runs were read every %d ms, not 100.", floorPace(run),
                    run.readEveryMillis()),
                    FLOOD);
        }
    }

    @Test
    void decidesFromTheWindowAlone() {
        StatelessRule.check(runs, ThreadClimbAlertCheck::firing);
    }

    /**
     * Fails unless the rule stays silent on {@code run}. A rule that fires on every healthy run, whatever its
     * threads did, looks at a count or at nothing at all; its feedback says so.
     */
    private static void silent(Watched run, String observed, String revisit) {
        if (firing(run)) {
            boolean always = runs(scene -> !scene.plan().threads().leaks()).stream()
                    .allMatch(ThreadClimbAlertCheck::firing);
            Feedback.fail(observed + (always ? " It fired on every healthy run, each with 150 idle threads or more,"
                    + " as if it asked how many threads there are rather than whether their floor climbs." : ""),
                    always ? PACE : revisit);
        }
    }

    private static Duration longestWatch() {
        return runs.stream().map(run -> run.scene().watched()).max(Duration::compareTo).orElseThrow();
    }

    private static List<Watched> runs(Predicate<Scene> kind) {
        return runs.stream().filter(run -> kind.test(run.scene())).toList();
    }

    private static List<Watched> stuck(Predicate<Thread.State> state) {
        return runs(scene -> scene.threads() == ThreadShape.STUCK
                && state.test(scene.plan().threads().stuckIn().getFirst()));
    }

    private static boolean firing(Watched run) {
        return ThreadClimbAlert.firing(run.sampler());
    }

    /** How fast the thread count's floors rose, a second, timed by the points. */
    private static double floorPace(Watched run) {
        return Floors.pace(run.sampler().series("jvm.thread.count"));
    }

    /** The floors of each state's count in the three parts of the window. */
    private static String floorsByState(Watched run) {
        return run.scene().plan().threads().stuckIn().stream()
                .map(state -> state + " " + Floors.of(run.sampler().series("jvm.thread.count",
                        Attributes.of("jvm.thread.state", state.name().toLowerCase(Locale.ROOT)))).inCounts())
                .collect(Collectors.joining(", "));
    }

    private static String counted(Watched run) {
        TimeSeries count = run.sampler().series("jvm.thread.count");
        return String.format(Locale.ROOT, " Over %.1f s the thread count went %s, between %.0f and %.0f; its floors"
                + " in the three parts of the window were %s.", run.scene().watched().toMillis() / 1000.0,
                count.sparkline(30), count.min(ALL), count.max(ALL), Floors.of(count).inCounts());
    }
}
