package lesson3.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lesson3.LeakDetective;
import lesson3.demo.LeakyThreads;
import lesson3.demo.Plan;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code find-the-leak}: the {@code leaky-threads} demo runs in a JVM of its own with a
 * fresh random {@link Plan} (which pool leaks, how fast, which pools are decoys, names of every pool), once of each
 * {@link Plan.Shape}; the learner's code, handed that JVM as a Target, must name the leaking pool both times, and
 * return null for the run where nothing leaks.
 *
 * <p>Every leaking task first waits with a time limit for 1.0 to 1.2 s (a slow backend, called three times), then
 * forever; a new one comes every 200 to 260 ms. Proxies for "threads born while watched that got stuck without a time
 * limit and stayed stuck, joining at several moments", and the scenario that defeats each in every run:
 * <ul>
 *   <li>the JVM running the check ({@code Target.current()}): the service runs in another JVM; this one has no
 *       leak;</li>
 *   <li>the total thread count (a gate or a threshold on its growth): in {@code FALLING_TOTAL} a pool lets two
 *       threads go per leak period for 20 s, and bursts are small and seldom, so the total falls over any watch of
 *       a couple of seconds;</li>
 *   <li>the biggest pool, or the most WAITING threads in one snapshot: in {@code GROWING_DECOYS} a pool warming up
 *       gains threads 1.8 times as fast as the leak from the same start, so it is always bigger, and a fixed pool
 *       of 36 to 43 idle workers, or later the pool under rising traffic, always has more WAITING threads than any
 *       other (the leak's threads are BLOCKED); in {@code FALLING_TOTAL} the shrinking pool starts with 170 to
 *       220 waiting threads;</li>
 *   <li>the pool that grew most between two snapshots, or the one whose count only ever grows: in
 *       {@code GROWING_DECOYS} the warming pool never loses a thread and grows 1.8 times as fast as the leak, whose
 *       own count also drops now and then (short healthy bursts on an executor that shares its thread
 *       factory);</li>
 *   <li>the trend of a pool's count of threads waiting without a time limit (a slope over the watch, following
 *       no thread): in {@code GROWING_DECOYS} and {@code NO_LEAK} a pool under rising traffic gains such threads
 *       about twice as fast as the leak does, though each waits at most 0.75 s and wakes;</li>
 *   <li>a thread seen waiting without a time limit on the same kind of blocker in every snapshot, taken for one
 *       that never woke: in {@code GROWING_DECOYS} and {@code NO_LEAK} a pool gains a thread every 100 ms, more
 *       than twice as fast as the leak, each waiting for reply after reply on a fresh latch, woken within 0.25 s
 *       each time; only its waited count ({@code ThreadRecord.waits()}) shows it woke;</li>
 *   <li>threads born while watched and stuck to its end, however they got there: in {@code GROWING_DECOYS} and
 *       {@code NO_LEAK}, 0.4 to 1.5 s after the learner's code first asks for threads, a pool starts 18 threads
 *       at one moment, more than the leak strands in a watch of 3 s, all blocked on one latch released 8 s later;
 *       a leak's threads get stuck at several moments;</li>
 *   <li>threads that began waiting a moment ago taken for stuck (no minimum time blocked): in the same runs the
 *       pool under rising traffic has dozens of threads waiting at the end of any watch, since one of its last two
 *       snapshots 300 ms apart and now and then its last three; a leak's threads stay blocked for the last third of
 *       a watch, and more. Not yet in every run: an answer that asks for three such moments slipped past the
 *       growing decoys in 3 of 10 busy checks, each of which it failed on the run without a leak, and passed an
 *       11th check whole;</li>
 *   <li>a low count of waits taken for a thread that never woke: every leaking task first calls its slow backend
 *       three times, each a wait with a time limit, so a leaked thread has waited four times, and stays at
 *       four;</li>
 *   <li>waits on a queue's condition taken for idle workers: in {@code FALLING_TOTAL} the leak's threads wait on
 *       a reply queue, the very blocker of the 36 to 43 idle workers on their task queue;</li>
 *   <li>WAITING only, BLOCKED ignored: in {@code GROWING_DECOYS} the leak's threads are BLOCKED on a monitor held
 *       forever by its first stuck thread;</li>
 *   <li>a suspect without a blocker object set aside, as the heap profile has to: in a second {@code FALLING_TOTAL}
 *       run the leak's threads park with {@code LockSupport.park()} and no blocker;</li>
 *   <li>a pool named whatever happens (the one with the most waiting threads when no suspect is found): in
 *       {@code NO_LEAK}, with the decoys of {@code GROWING_DECOYS}, nothing leaks;</li>
 *   <li>waits on a latch taken for healthy (every healthy pool that waits without a time limit waits on one): in
 *       a {@code GROWING_DECOYS} run the leak's threads wait on latches nobody will count down;</li>
 *   <li>threads followed by name rather than by id: in that run each leaking task gets an executor of its own,
 *       built per request and never shut down, whose factory numbers its one thread from 0, so every leaked thread
 *       has the name of one already there when the watch began;</li>
 *   <li>a leak counted only where new stuck threads join ones stuck before the watch began: in the first
 *       {@code FALLING_TOTAL} run the leak begins as the learner's code first asks for threads, its first thread
 *       born 150 ms later;</li>
 *   <li>a short watch with lowered thresholds (one stuck thread is a leak): a watch of under a second never sees a
 *       leaking thread stuck, since each first waits 1.0 to 1.2 s with a time limit; what it sees are bursts of
 *       healthy threads waiting up to 0.8 s.</li>
 * </ul>
 * The reference watches 12 snapshots 300 ms apart: the leaking threads born in its first 1.2 s are stuck before
 * its ninth snapshot, four or more at three or more distinct snapshots.
 */
class LeakDetectiveCheck {

    /** What a run does besides its shape's plan. */
    enum Twist {
        NONE,
        /** Each leaking task runs on an executor of its own, so that every leaked thread has the same name. */
        EXECUTOR_PER_LEAK,
        /** The leak begins as the learner's code first asks for threads, so none of its threads is there before. */
        LEAK_WHILE_WATCHED
    }

    @Test
    void namesALeakThatBeginsWhileWatchedAsTheTotalThreadCountFalls() throws Exception {
        check(Plan.Shape.FALLING_TOTAL, null, Twist.LEAK_WHILE_WATCHED);
    }

    @Test
    void namesALeakBlockedOnAMonitorAmongPoolsThatGrow() throws Exception {
        check(Plan.Shape.GROWING_DECOYS, null, Twist.NONE);
    }

    @Test
    void namesALeakParkedWithoutABlocker() throws Exception {
        check(Plan.Shape.FALLING_TOTAL, Plan.Primitive.PARK, Twist.NONE);
    }

    @Test
    void namesALeakOnLatchesAmongPoolsThatWaitOnLatchesToo() throws Exception {
        check(Plan.Shape.GROWING_DECOYS, Plan.Primitive.LATCH, Twist.EXECUTOR_PER_LEAK);
    }

    @Test
    void findsNoLeakWhereNothingLeaks() throws Exception {
        check(Plan.Shape.NO_LEAK, null, Twist.NONE);
    }

    /**
     * Tells the service to start a wave 0.4 to 1.5 s after the learner's code first asks for threads: inside a
     * watch of a few seconds, after its first snapshot, in time to look stuck to its end.
     */
    private static void waveWhileWatched(LabProcess demo, Plan plan) {
        if (plan.waving() == null) {
            return;
        }
        long delay = 400 + new Random().nextInt(1_100);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(delay);
                demo.tell(LeakyThreads.WAVE);
            } catch (InterruptedException | IllegalStateException e) {
                // the run is over: the wave no longer matters
            }
        });
    }

    /** @param primitive what the leak waits on, or null for what its shape's leak waits on */
    private static void check(Plan.Shape shape, Plan.Primitive primitive, Twist twist) throws Exception {
        long seed = new Random().nextLong();
        Plan drawn = Plan.fromSeed(seed, shape);
        Plan plan = primitive == null ? drawn : drawn.withPrimitive(primitive);
        List<String> args = new ArrayList<>(List.of("--seed=" + seed, "--shape=" + shape,
                "--primitive=" + plan.primitive()));
        switch (twist) {
            case EXECUTOR_PER_LEAK -> args.add(LeakyThreads.EXECUTOR_PER_LEAK);
            case LEAK_WHILE_WATCHED -> args.add(LeakyThreads.LEAK_WHEN_TOLD);
            case NONE -> { }
        }
        try (LabProcess demo = LabProcess.start(LeakyThreads.class, List.of("-Xmx64m"), args.toArray(String[]::new))) {
            demo.awaitLine(LeakyThreads.READY::equals, LabProcess.START_UP);
            try (Target attached = Target.attach(demo.pid())) {
                WatchedTarget target = new WatchedTarget(attached, () -> {
                    if (twist == Twist.LEAK_WHILE_WATCHED) {
                        demo.tell(LeakyThreads.LEAK);
                    }
                    waveWhileWatched(demo, plan);
                });
                Thread.sleep(500);
                ThreadSnapshot before = ThreadSnapshots.of(attached, 0);
                long start = System.nanoTime();
                String named = LeakDetective.leakingPool(target);
                Duration watched = Duration.ofNanos(System.nanoTime() - start);
                if (plan.leaks() ? !Plan.poolKey(plan.leaking()).equals(named) : named != null) {
                    new LeakFeedback(plan, before, ThreadSnapshots.of(attached, 0), watched, target.asks() > 0,
                            twist).explain(named);
                }
            }
        }
    }
}
