package lesson3.checks;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import lesson3.LeakDetective;
import lesson3.demo.LeakyThreads;
import lesson3.demo.Plan;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code find-the-leak}: the {@code leaky-threads} demo runs in a JVM of its own with a
 * fresh random {@link Plan} (which pool leaks, how fast, which pools are decoys, names of every pool), once of each
 * {@link Plan.Shape}; the learner's code, handed that JVM as a Target, must name the leaking pool both times.
 *
 * <p>Every leaking task first waits with a time limit for 650 to 750 ms (a slow backend), then forever; a new one
 * comes every 200 to 260 ms. Proxies for "threads born while watched that got stuck without a time limit and
 * stayed stuck, joining at several moments", and the scenario that defeats each in every run:
 * <ul>
 *   <li>the JVM running the check ({@code Target.current()}): the service runs in another JVM; this one has no
 *       leak;</li>
 *   <li>the total thread count (a gate or a threshold on its growth): in {@code FALLING_TOTAL} a pool lets two
 *       threads go per leak period and bursts are small and seldom, so the total falls over any watch of a couple
 *       of seconds;</li>
 *   <li>the biggest pool, or the most WAITING threads in one snapshot: a pool of 36 to 43 idle workers, a shrinking
 *       pool of about 250 waiting threads ({@code FALLING_TOTAL}), a healthy pool that always has more threads than
 *       the leak ({@code GROWING_DECOYS}), while the leak stays smaller for the 30 s a test may last;</li>
 *   <li>the pool that grew most between two snapshots, or the one whose count only ever grows: in
 *       {@code GROWING_DECOYS} a pool warming up starts a thread 1.8 times as often as the leak, and never loses
 *       one, while the leaking pool's count also drops now and then (short healthy bursts on it);</li>
 *   <li>WAITING only, BLOCKED ignored: in {@code GROWING_DECOYS} the leak's threads are BLOCKED on a monitor held
 *       forever;</li>
 *   <li>a short watch with lowered thresholds (one stuck thread is a leak): a leaking thread waits with a time
 *       limit for longer than a watch of under 0.65 s, so such a watch never sees one stuck; bursts of healthy
 *       threads waiting up to 0.8 s are all it can see.</li>
 * </ul>
 */
class LeakDetectiveCheck {

    @Test
    void namesTheLeakWhileTheTotalThreadCountFalls() throws Exception {
        check(Plan.Shape.FALLING_TOTAL);
    }

    @Test
    void namesALeakBlockedOnAMonitorAmongPoolsThatGrow() throws Exception {
        check(Plan.Shape.GROWING_DECOYS);
    }

    private static void check(Plan.Shape shape) throws Exception {
        long seed = new Random().nextLong();
        Plan plan = Plan.fromSeed(seed, shape);
        try (LabProcess demo = LabProcess.start(LeakyThreads.class, List.of("-Xmx64m"), "--seed=" + seed,
                "--shape=" + shape)) {
            demo.awaitLine(LeakyThreads.READY::equals, Duration.ofSeconds(15));
            try (Target attached = Target.attach(demo.pid())) {
                WatchedTarget target = new WatchedTarget(attached);
                Thread.sleep(500);
                ThreadSnapshot before = ThreadSnapshots.of(attached, 0);
                long start = System.nanoTime();
                String named = LeakDetective.leakingPool(target);
                Duration watched = Duration.ofNanos(System.nanoTime() - start);
                if (!Plan.poolKey(plan.leaking()).equals(named)) {
                    new LeakFeedback(plan, before, ThreadSnapshots.of(attached, 0), watched, target.asks() > 0)
                            .explain(named);
                }
            }
        }
    }
}
