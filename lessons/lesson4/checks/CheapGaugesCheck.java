package lesson4.checks;

import java.lang.ref.Reference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.DoubleFunction;
import lesson4.HealthGauges;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.safepoint.VmOperationRecorder;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.vars.Gauge;
import workbench.diagnostics.vars.Var;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;
import workbench.harness.Feedback;
import workbench.harness.LiveThreads;
import workbench.harness.ReferenceSolution;

/**
 * Hidden checks of exercise {@code cheap-gauges}: the learner's gauges, and the reference fix's, are scraped in this
 * JVM under the same load, one after the other, while JFR records every VM operation with the thread that asked for
 * it ({@link SafepointBill}); then threads block, wait and deadlock, and the heap fills with kept data and with
 * garbage, and each gauge must report the change within a second.
 *
 * <p>Proxies, and the scenario that defeats each in every run:
 * <ul>
 *   <li>a safepoint allowance per scrape, which a fast machine makes generous: costs are measured per second
 *       against the reference fix's in the same run, under paced scrapes and under a burst;</li>
 *   <li>the stop-the-world call on every Nth scrape: a burst reads the gauges tens of thousands of times;</li>
 *   <li>a value kept for a while and refreshed by whichever scrape finds it old, with nothing to stop scrapers that
 *       find it old together from each refreshing it: 8 to 12 scrapers arrive together, rounds more than a second
 *       apart, and the threads that read the gauges may ask for about one safepoint a round, not one a scraper;</li>
 *   <li>a timer that runs too often: paced scrapes leave a timer's cost in plain view, per second;</li>
 *   <li>a timer as slow as the promise, or slower: the JVM's deadlock scans are recorded for 4 s, and their usual
 *       gap must leave room for the scan and a wait for a CPU inside the second (under 950 ms; the reference fix
 *       scans every 800 ms);</li>
 *   <li>{@code System.gc()} moved to a timer: the safepoints of the answer's own threads count, and so does the
 *       time they stop the world, milliseconds for each collection;</li>
 *   <li>heap used for the live set, or a collection right before reading: garbage the check allocates after the
 *       last collection, half of what eden held when it last filled and at least 4 MB, is still in the heap when
 *       the gauge is read, and the gauge must be within 1 MB of what the heap held right after that collection
 *       (an attempt that a collection interrupts is made again);</li>
 *   <li>heap used minus eden, as if garbage were only ever in eden: that garbage includes one array of 3 to 6 MB,
 *       which G1 allocates in the old generation;</li>
 *   <li>the old generation's pool alone: after a full collection, 3 to 5 MB are kept through a young one, in survivor
 *       space, which the old generation's collection usage does not see. 32 MB kept through both collections keep
 *       the heap large: without them a full collection shrinks it to about 12 MB, G1's survivor space then takes
 *       about 1 MB and promotes the rest, and the old pool's figure does not show that until the next full
 *       collection, so the two could not be told apart;</li>
 *   <li>the last collection of one collector, such as the first {@code GarbageCollectorMXBean}'s last
 *       {@code GcInfo}: data kept through a young collection is let go and a full collection runs, and the gauge
 *       must say what the heap held after the full one (more than 16 MB less than after the young one);</li>
 *   <li>WAITING or TIMED_WAITING counted as blocked: such threads start beside the blocked ones, more of them than
 *       the gauge may be off by;</li>
 *   <li>threads blocked since the last scrape (a rise in each thread's {@code getBlockedCount()}, or the most
 *       blocked at once between two reads): after one read, 4 to 8 threads block on a monitor for 200 to 400 ms,
 *       get it and go back to waiting for work, and the next read, 2.5 s later, must not count them;</li>
 *   <li>{@code findMonitorDeadlockedThreads}: a deadlock on {@code ReentrantLock}s;</li>
 *   <li>the last count kept when a scan finds none ({@code null}), as if deadlocks never ended: the deadlock on
 *       {@code ReentrantLock}s comes first and is broken, its threads interrupted, before any other forms;</li>
 *   <li>every thread whose chain of lock owners ends in a cycle counted as deadlocked: one or two threads wait
 *       behind the deadlock on {@code ReentrantLock}s for one of its locks, out of the cycle;</li>
 *   <li>blocked threads counted as deadlocked: threads BLOCKED behind a thread that will let go start beside the
 *       deadlock on monitors;</li>
 *   <li>a deadlock scan only while threads are blocked, or when their number changes: the costs are measured
 *       while threads contend for a monitor and a lock, a few milliseconds at a time ({@link Contention});</li>
 *   <li>a timer that scans only while scrapes keep coming: nobody reads the gauges for 5 to 7 s, threads deadlock,
 *       and the first read 2.5 s later must show them;</li>
 *   <li>a timer that outlives {@code close()}, such as one scanner shared by every instance: the JVM is watched for
 *       3 s after the gauges are closed, and their code may ask for no safepoint in that time; and <b>a timer whose
 *       task is cancelled but whose thread is left</b>: no thread started while the gauges lived may outlive them by
 *       those seconds;</li>
 *   <li>a value computed once, or a gauge dropped: every value changes after the gauges are registered.</li>
 * </ul>
 */
class CheapGaugesCheck {

    private static final String SCRAPE = "Lesson 4, 'A scrape runs your gauges', and lesson 1, 'What stops the world'";
    private static final String TIMER = "Lesson 4, 'A scrape runs your gauges': read on a timer, serve from memory";
    private static final String LIVE = "Lesson 4, 'A scrape runs your gauges': live heap needs no collection; each"
            + " heap pool's getCollectionUsage() is what it held right after the last one";
    private static final String LAST = "Lesson 4, 'A scrape runs your gauges': live heap is what the heap held right"
            + " after the last collection, whichever collector ran it; each heap pool's getCollectionUsage() is"
            + " updated by every collection of that pool";
    private static final String YOUNG = "Lesson 4, 'A scrape runs your gauges': each heap pool's getCollectionUsage()"
            + " is what it held right after the last collection; what survived a young one is live too";
    private static final String FRESH = "Lesson 4, 'A scrape runs your gauges': a timer bounds how old a value is";
    private static final String CLOSE = "Lesson 4, 'A scrape runs your gauges': a timer is the gauges' own thread,"
            + " started with them and stopped by close()";
    private static final String KEEP = "Lesson 4, 'A scrape runs your gauges': make a gauge cheap, never drop it";
    private static final String NOW = "Lesson 4, 'A scrape runs your gauges': a gauge says what is true when it is"
            + " read; threads blocked a moment ago are contention, a counter's business";
    private static final String STATES = "Lesson 3, 'A census of threads': BLOCKED waits to enter a monitor,"
            + " WAITING and TIMED_WAITING wait for a signal or a time";
    private static final String CYCLE = "Lesson 4, 'A scrape runs your gauges': a deadlock is the threads of a cycle,"
            + " as findDeadlockedThreads finds it; a thread that waits behind one is stuck, not deadlocked";
    private static final String ENDED = "Lesson 4, 'A scrape runs your gauges': a deadlock on locks can end (an"
            + " interrupted lockInterruptibly leaves the cycle); findDeadlockedThreads then returns null, a count of"
            + " zero";
    private static final String LOCKS = "Lesson 4, 'A scrape runs your gauges': findDeadlockedThreads also finds"
            + " deadlocks on locks such as ReentrantLock, findMonitorDeadlockedThreads only those on monitors";

    /** Paced scrapes: Prometheus-like scrapers, each every this many milliseconds, for this long. */
    private static final long PACED_PERIOD_MILLIS = 200;
    private static final double PACED_SECONDS = 3;
    private static final double BURST_SECONDS = 1.5;
    /** A learner's gauges may cost this many times the reference fix's, plus this much a second. */
    private static final double TIMES_THE_REFERENCE = 3;
    private static final double SAFEPOINTS_A_SECOND = 2;
    private static final double MILLIS_TIMES_THE_REFERENCE = 4;
    private static final double STOPPED_MILLIS_A_SECOND = 2;
    /**
     * Scrapers that arrive together: this many to four more, this many rounds, further
     * apart than a value may be old; the scrape path may refresh a kept value about once a round, not once a scraper.
     */
    private static final int TOGETHER_FEWEST = 8;
    private static final int TOGETHER_ROUNDS = 6;
    private static final long TOGETHER_GAP_MILLIS = 1_100;
    private static final double REFRESHES_A_ROUND = 1.5;
    /** Gives the answer closed last its time to end its threads before the next is measured. */
    private static final long SETTLE_MILLIS = 300;

    /** How long the JVM is watched after close(), and the safepoints that may still come from unknown threads. */
    private static final Duration AFTER_CLOSE = Duration.ofSeconds(3);
    private static final int STRAY_SAFEPOINTS = 1;
    private static final List<String> GAUGES = List.of("threads_blocked", "threads_deadlocked", "heap_live_bytes");

    private static final long FRESH_MILLIS = 1_000;
    /** Room for a busy two-core machine on top of the promised second. */
    private static final long MARGIN_MILLIS = 1_500;
    private static final long READ_EVERY_MILLIS = 20;
    /** Nobody reads the gauges for this long, up to 2 s more, before threads deadlock unseen. */
    private static final long QUIET_LEAST_MILLIS = 5_000;
    /** How long the deadlock scans' period is watched, with a read as a scraper would make now and then. */
    private static final Duration SCAN_WINDOW = Duration.ofSeconds(4);
    private static final long SCAN_WINDOW_READ_MILLIS = 100;
    /** The longest usual gap between deadlock scans that keeps a value within the promised second, scan included. */
    private static final double SCAN_GAP_MILLIS = 950;
    private static final long MEGABYTE = 1024 * 1024;
    /** How far the live heap may be from what the heap held right after the last collection. */
    private static final long HEAP_TOLERANCE = MEGABYTE;
    /** Garbage the heap holds beyond the live heap when the gauge is read, at the least. */
    private static final long LEAST_GARBAGE = 4 * MEGABYTE;
    /** The garbage array outside eden takes this many MB to twice as many: several G1 regions of a 256 MB heap. */
    private static final int LEAST_LARGE_MB = 3;
    private static final int HEAP_ATTEMPTS = 5;
    /** Live data that keeps G1's heap from shrinking to a few MB in a full collection. */
    private static final long BALLAST = 32 * MEGABYTE;

    private final Random random = new Random();

    /** How the check drives either answer: the gauges are registered by the constructor, and closed. */
    interface Gauges extends AutoCloseable {
        @Override
        void close();
    }

    @Test
    void pacedScrapesCostAboutWhatTheReferenceFixCosts() throws Exception {
        Costs costs = measure((vars, uri) -> ScrapeLoad.paced(uri, PACED_PERIOD_MILLIS, PACED_SECONDS));
        judge(costs, String.format(Locale.ROOT, "While %d scrapers read your gauges every %d ms for %.1f s (%,d"
                + " scrapes)", ScrapeLoad.SCRAPERS, PACED_PERIOD_MILLIS, costs.yours().bill().seconds(),
                costs.yours().scrapes()));
    }

    @Test
    void aBurstOfScrapesCostsAboutWhatTheReferenceFixCosts() throws Exception {
        Costs costs = measure((vars, uri) -> ScrapeLoad.burst(vars, BURST_SECONDS));
        judge(costs, String.format(Locale.ROOT, "While %d scrapers read your gauges as fast as they could, %,d"
                + " times in %.1f s", ScrapeLoad.SCRAPERS, costs.yours().scrapes(), costs.yours().bill().seconds()));
    }

    @Test
    void scrapersArrivingTogetherCostAboutWhatTheReferenceFixCosts() throws Exception {
        int scrapers = TOGETHER_FEWEST + random.nextInt(5);
        Costs costs = measure((vars, uri) -> ScrapeLoad.together(vars, scrapers, TOGETHER_ROUNDS, TOGETHER_GAP_MILLIS));
        String load = String.format(Locale.ROOT, "While %d scrapers arrived together %d times, %,d ms apart, and each"
                + " read your gauges once", scrapers, TOGETHER_ROUNDS, TOGETHER_GAP_MILLIS);
        SafepointBill yours = costs.yours().bill();
        if (yours.scrapePath().size() > TOGETHER_ROUNDS * REFRESHES_A_ROUND) {
            Feedback.fail(String.format(Locale.ROOT, "%s, the threads that read your gauges asked this JVM to stop the"
                    + " world %,d times, %.1f a round: %s. When a value kept for a while has grown old, every"
                    + " scraper that arrives at that moment finds it old and pays for a new one, so scrapers that"
                    + " come together cost one safepoint each.", load, yours.scrapePath().size(),
                    yours.scrapePath().size() / (double) TOGETHER_ROUNDS, yours.describe()), TIMER);
        }
        judge(costs, load);
    }

    @Test
    void reportsBlockedThreadsWithinASecond() throws Exception {
        try (Served yours = serve()) {
            double before = yours.read("threads_blocked");
            int blocked = 3 + random.nextInt(6);
            int waiting = 4 + random.nextInt(4);
            int sleeping = 2 + random.nextInt(3);
            try (ThreadScene scene = new ThreadScene()) {
                scene.blocked(blocked).waiting(waiting).sleeping(sleeping);
                String change = String.format(Locale.ROOT, "%d threads BLOCKED entering a monitor, %d WAITING (in"
                        + " Object.wait() or parked on a ReentrantLock) and %d TIMED_WAITING in Thread.sleep",
                        blocked, waiting, sleeping);
                awaitGauge(yours, "threads_blocked", v -> Math.abs(v - before - blocked) <= 1, change, before,
                        v -> v >= before + blocked + Math.min(waiting, sleeping) ? STATES : FRESH);
            }
            awaitGauge(yours, "threads_blocked", v -> Math.abs(v - before) <= 1, "those threads let go", before,
                    v -> FRESH);
        }
    }

    @Test
    void reportsOnlyThreadsBlockedWhenRead() throws Exception {
        try (Served yours = serve()) {
            double before = yours.read("threads_blocked");
            int contending = 4 + random.nextInt(5);
            long blockedMillis = 200 + random.nextInt(200);
            try (ThreadScene scene = new ThreadScene()) {
                scene.blockedForAMoment(contending, blockedMillis);
                // Nobody reads until a value promised within the second has surely been refreshed.
                Thread.sleep(FRESH_MILLIS + MARGIN_MILLIS);
                double now = yours.read("threads_blocked");
                Feedback.check(Math.abs(now - before) <= 1, String.format(Locale.ROOT, "After your gauge was read,"
                        + " %d threads were BLOCKED entering a monitor for %d ms, got it and went back to WAITING for"
                        + " work; %.1f s later, with none of them blocked, nobody having read the gauges in between,"
                        + " `threads_blocked` said %.0f (%.0f before).", contending, blockedMillis,
                        (FRESH_MILLIS + MARGIN_MILLIS) / 1000.0, now, before), NOW);
            }
        }
    }

    @Test
    void reportsDeadlocksOnMonitorsAndLocksWithinASecond() throws Exception {
        try (Served yours = serve()) {
            double before = yours.read("threads_deadlocked");
            int onMonitors = 2 + random.nextInt(2);
            int onLocks = 2 + random.nextInt(3);
            int blocked = 2 + random.nextInt(3);
            try (ThreadScene scene = new ThreadScene()) {
                int behind = 1 + random.nextInt(2);
                scene.lockCycle(onLocks, behind);
                awaitGauge(yours, "threads_deadlocked", v -> v == before + onLocks, String.format(Locale.ROOT,
                        "%d threads deadlocked on ReentrantLocks (each holding one and waiting for the next), with %d"
                        + " waiting behind them for one of those locks, out of the cycle", onLocks, behind), before,
                        v -> v == before ? LOCKS : v > before + onLocks ? CYCLE : FRESH);
                scene.breakLockCycle();
                awaitGauge(yours, "threads_deadlocked", v -> v == before, String.format(Locale.ROOT,
                        "the deadlock on ReentrantLocks broken and its %d threads ended, no other thread deadlocked",
                        onLocks), before, v -> v == before + onLocks ? ENDED : FRESH);
                scene.monitorCycle(onMonitors).blocked(blocked);
                awaitGauge(yours, "threads_deadlocked", v -> v == before + onMonitors, String.format(Locale.ROOT,
                        "now %d threads deadlocked on monitors (each in a synchronized block, BLOCKED on the next one's"
                        + " monitor) and %d more BLOCKED behind a thread that will let go", onMonitors, blocked),
                        before, v -> FRESH);
            }
        }
    }

    /**
     * Nobody reads the gauges for a while, threads deadlock meanwhile, and the first read after the promised second
     * must say so: a value is owed to a scraper that comes back, as much as to one that never left. The deadlock is
     * on locks, broken when the scene closes, so that it outlives this test in no other's count; threads deadlocked
     * before it (another test's, on monitors, never end) are counted by the JVM itself.
     */
    @Test
    void reportsADeadlockThatFormedWhileNobodyRead() throws Exception {
        try (Served yours = serve()) {
            yours.read("threads_deadlocked");
            long quietMillis = QUIET_LEAST_MILLIS + random.nextInt(2_001);
            Thread.sleep(quietMillis);
            int onLocks = 2 + random.nextInt(3);
            try (ThreadScene scene = new ThreadScene()) {
                long before = ThreadScene.deadlocked();
                scene.lockCycle(onLocks, 0);
                Thread.sleep(FRESH_MILLIS + MARGIN_MILLIS);
                double value = yours.read("threads_deadlocked");
                Feedback.check(value == before + onLocks, String.format(Locale.ROOT, "Nobody read your gauges for"
                        + " %.1f s; then %d threads deadlocked on ReentrantLocks, and %,d ms later the first read of"
                        + " `threads_deadlocked` said %,.0f (%,d before). A scraper that comes back after a quiet spell"
                        + " (Prometheus after a restart, a person's first curl) is owed a value no older than a second"
                        + " too.", quietMillis / 1e3, onLocks, FRESH_MILLIS + MARGIN_MILLIS, value, before), FRESH);
            }
        }
    }

    @Test
    void looksForDeadlocksOftenEnoughToKeepWithinASecond() throws Exception {
        List<Instant> scans;
        try (Served yours = serve(); VmOperationRecorder recorder = VmOperationRecorder.start(Target.current())) {
            long end = System.nanoTime() + SCAN_WINDOW.toNanos();
            while (System.nanoTime() < end) {
                yours.read("threads_deadlocked");
                Thread.sleep(SCAN_WINDOW_READ_MILLIS);
            }
            scans = recorder.stop().stream().filter(operation -> operation.name().equals("FindDeadlocks"))
                    .map(VmOperation::start).sorted().toList();
        }
        if (scans.isEmpty()) {
            return;  // no scan of the JVM's to time; whether the gauge finds deadlocks is another test's to judge
        }
        String observed = String.format(Locale.ROOT, "For %.1f s, with a read of `threads_deadlocked` every %d ms,"
                + " the JVM looked for deadlocks %s", SCAN_WINDOW.toMillis() / 1e3, SCAN_WINDOW_READ_MILLIS,
                scans.size() == 1 ? "once" : scans.size() + " times");
        Feedback.check(scans.size() >= 2, observed + ": a value found then is far more than a second old by the"
                + " end.", FRESH);
        double[] gaps = new double[scans.size() - 1];
        for (int i = 1; i < scans.size(); i++) {
            gaps[i - 1] = Duration.between(scans.get(i - 1), scans.get(i)).toNanos() / 1e6;
        }
        Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        Feedback.check(median < SCAN_GAP_MILLIS, String.format(Locale.ROOT, "%s, every %,.0f ms (median). A value is"
                + " as old as the period plus one scan plus any wait for a CPU: at that period a deadlock can be more"
                + " than a second old when it is read.", observed, median), FRESH);
    }

    @Test
    void closeStopsWhatTheGaugesStarted() throws Exception {
        String testThread = Thread.currentThread().getName();
        SafepointBill afterClose;
        Set<Long> before;
        try (VmOperationRecorder recorder = VmOperationRecorder.start(Target.current())) {
            before = LiveThreads.byId().keySet();
            try (Served yours = serve()) {
                for (int read = 0; read < SCAN_WINDOW.toMillis() / SCAN_WINDOW_READ_MILLIS / 2; read++) {
                    GAUGES.forEach(yours::read);
                    Thread.sleep(SCAN_WINDOW_READ_MILLIS);
                }
            }
            Thread.sleep(SETTLE_MILLIS);
            Instant start = Instant.now();
            Thread.sleep(AFTER_CLOSE.toMillis());
            afterClose = SafepointBill.of(recorder.stop(), start, Instant.now(), testThread);
        }
        Feedback.check(afterClose.count() <= STRAY_SAFEPOINTS, String.format(Locale.ROOT, "In the %.1f s after"
                + " close() returned (and %d ms more to let it end its threads), with nothing reading your gauges,"
                + " code of yours asked this JVM to stop the world %,d times: %s. Whatever the gauges started runs"
                + " on, in every JVM that closes them, and so does its cost.", AFTER_CLOSE.toMillis() / 1e3,
                SETTLE_MILLIS, afterClose.count(), afterClose.describe()), CLOSE);
        List<String> lingering = LiveThreads.byId().entrySet().stream()
                .filter(e -> !before.contains(e.getKey()) && !e.getValue().startsWith("JFR "))
                .map(Map.Entry::getValue).toList();
        Feedback.check(lingering.isEmpty(), String.format(Locale.ROOT, "%.1f s after close() returned, threads your"
                + " gauges started were still alive: %s. A service that creates and closes gauges, on every restart"
                + " of a component, keeps one more idle thread each time.", (SETTLE_MILLIS + AFTER_CLOSE.toMillis())
                / 1e3, lingering), CLOSE + ": the timer's thread ends only when its executor is shut down");
    }

    @Test
    void reportsTheLiveHeapNotTheGarbage() throws Exception {
        try (Served yours = serve()) {
            // Without it, a full collection shrinks G1's heap to a few MB, and the garbage array, large beside so small
            // a heap, starts a concurrent cycle at once: a collection the check did not ask for, in every attempt.
            List<byte[]> ballast = LiveHeap.retain(BALLAST);
            long kept = (16 + random.nextInt(17)) * MEGABYTE;
            List<byte[]> retained = LiveHeap.retain(kept);
            long withThem = awaitLiveHeap(yours, String.format(Locale.ROOT, "%d MB more kept", kept / MEGABYTE), -1,
                    0);
            Reference.reachabilityFence(retained);
            retained = null;
            long live = awaitLiveHeap(yours, String.format(Locale.ROOT, "those %d MB let go", kept / MEGABYTE),
                    withThem, 0);
            awaitLiveHeapAfterFullCollection(yours, (16 + random.nextInt(17)) * MEGABYTE, live);
            Reference.reachabilityFence(ballast);
        }
    }

    @Test
    void countsWhatAYoungCollectionKeeps() throws Exception {
        try (Served yours = serve()) {
            // Right after a full collection G1 shrinks the heap, and survivor space with it, to a MB or two unless
            // the heap holds more: kept through the full collection, this keeps the heap large enough for survivor
            // space to take what the young collection keeps.
            List<byte[]> ballast = LiveHeap.retain(BALLAST);
            long young = (3 + random.nextInt(3)) * MEGABYTE;
            awaitLiveHeap(yours, String.format(Locale.ROOT, "%d MB allocated after a full collection and kept",
                    young / MEGABYTE), -1, young);
            Reference.reachabilityFence(ballast);
        }
    }

    /** Both answers, measured under the same load and the same lock contention, the reference fix first. */
    private Costs measure(Load load) throws Exception {
        String testThread = Thread.currentThread().getName();
        try (Contention contention = new Contention();
             VmOperationRecorder recorder = VmOperationRecorder.start(Target.current())) {
            Window reference = window(vars -> ReferenceSolution.create(Gauges.class, HealthGauges.class, vars), load);
            Window yours = window(vars -> ReferenceSolution.view(Gauges.class, new HealthGauges(vars)), load);
            List<VmOperation> recorded = recorder.stop();
            return new Costs(reference.measured(recorded, testThread), yours.measured(recorded, testThread));
        }
    }

    private static Window window(Factory factory, Load load) throws Exception {
        Vars vars = new Vars();
        Window window;
        try (Gauges gauges = factory.create(vars); VarsServer server = VarsServer.start(vars, 0)) {
            ScrapeLoad.burst(vars, 0.1);
            ScrapeLoad.paced(server.uri(), 10, 0.1);
            Instant start = Instant.now();
            long scrapes = load.run(vars, server.uri());
            window = new Window(start, Instant.now(), scrapes);
        }
        Thread.sleep(SETTLE_MILLIS);
        return window;
    }

    private static void judge(Costs costs, String load) {
        SafepointBill yours = costs.yours().bill();
        SafepointBill reference = costs.reference().bill();
        double perSecond = yours.count() / yours.seconds();
        double millisPerSecond = yours.millis() / yours.seconds();
        double referencePerSecond = reference.count() / reference.seconds();
        double referenceMillisPerSecond = reference.millis() / reference.seconds();
        boolean fewEnough = perSecond <= TIMES_THE_REFERENCE * referencePerSecond + SAFEPOINTS_A_SECOND;
        boolean shortEnough = millisPerSecond
                <= MILLIS_TIMES_THE_REFERENCE * referenceMillisPerSecond + STOPPED_MILLIS_A_SECOND;
        if (fewEnough && shortEnough) {
            return;
        }
        String observed = String.format(Locale.ROOT, "%s, your code asked this JVM to stop the world %,d times (%.1f"
                + " a second, %.1f ms stopped in all): %s. The reference fix, under the same scrapes just before,"
                + " asked %,d times (%.1f a second, %.1f ms). ", load, yours.count(), perSecond, yours.millis(),
                yours.describe(), reference.count(), referencePerSecond, reference.millis());
        if (yours.collects()) {
            Feedback.fail(observed + "A collection asked for on purpose, such as System.gc(), stops every thread"
                    + " for milliseconds, on a timer as on a scrape.", LIVE);
        }
        if (yours.scrapePath().size() > yours.ownThreads().size()) {
            Feedback.fail(observed + String.format(Locale.ROOT, "The threads that read your gauges asked for %,d of"
                    + " them, one per %,.0f reads: a stop-the-world call on the scrape path costs at the scrape rate,"
                    + " however rarely it runs.", yours.scrapePath().size(),
                    (double) costs.yours().scrapes() / yours.scrapePath().size()), TIMER);
        }
        Feedback.fail(observed + String.format(Locale.ROOT, "Your own threads asked for %,d of them, %.1f a second:"
                + " a timer's cost follows its period, whatever the scrapes, and every few hundred milliseconds keeps"
                + " a value fresh within the second.", yours.ownThreads().size(),
                yours.ownThreads().size() / yours.seconds()), TIMER);
    }

    /**
     * Reads the gauge until it satisfies {@code wanted}, for the promised second plus a margin; past that, fails
     * with what it said, pointing to what {@code revisit} makes of the last value.
     */
    private static void awaitGauge(Served yours, String name, DoublePredicate wanted, String change, double before,
                                   DoubleFunction<String> revisit) throws InterruptedException {
        long start = System.nanoTime();
        double value = yours.read(name);
        while (!wanted.test(value)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Feedback.check(millis < FRESH_MILLIS + MARGIN_MILLIS, String.format(Locale.ROOT, "With %s, your gauge"
                    + " `%s` still said %,.0f after %,d ms (%,.0f before).", change, name, value, millis, before),
                    revisit.apply(value));
            Thread.sleep(READ_EVERY_MILLIS);
            value = yours.read(name);
        }
    }

    /**
     * Collects, fully and then young with {@code young} bytes kept through the young collection (in survivor space),
     * allocates garbage, and reads {@code heap_live_bytes} until it says what the heap held right after the last
     * collection, while the heap holds the garbage too. A collection the check did not ask for ends an attempt,
     * since after it the garbage is gone; a few attempts are made. Returns the live heap it found.
     */
    private long awaitLiveHeap(Served yours, String kept, long earlier, long young)
            throws InterruptedException {
        for (int attempt = 1; attempt <= HEAP_ATTEMPTS; attempt++) {
            System.gc();
            long afterFull = LiveHeap.afterLastCollection();
            List<byte[]> survivors = LiveHeap.retain(young);
            long room = LiveHeap.youngCollection();
            long collections = LiveHeap.collections();
            long live = LiveHeap.afterLastCollection();
            Reference.reachabilityFence(survivors);
            survivors = null;
            long garbage = Math.max(LEAST_GARBAGE, room);
            LiveHeap.litter(garbage);
            long large = (LEAST_LARGE_MB + random.nextInt(LEAST_LARGE_MB + 1)) * MEGABYTE;
            LiveHeap.litterOutsideEden(large);
            String change = String.format(Locale.ROOT, "%s, collections since, and %.1f MB of garbage allocated after"
                    + " the last one (%d MB of it one array)", kept, (garbage + large) / (double) MEGABYTE,
                    large / MEGABYTE);
            long start = System.nanoTime();
            double value = yours.read("heap_live_bytes");
            long used = LiveHeap.used();
            while (LiveHeap.collections() == collections && Math.abs(value - live) > HEAP_TOLERANCE) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis >= FRESH_MILLIS + MARGIN_MILLIS) {
                    explainLiveHeap(change, value, millis, new Heap(live, used, earlier, afterFull, large));
                }
                Thread.sleep(READ_EVERY_MILLIS);
                value = yours.read("heap_live_bytes");
                used = LiveHeap.used();
            }
            if (LiveHeap.collections() == collections) {
                return live;
            }
        }
        throw Feedback.fail(String.format(Locale.ROOT, "With %s, collections the check did not ask for came again"
                + " and again, %d times before your gauge said what the heap held after the last one: something"
                + " collects on its own, such as a System.gc() in a gauge or on a timer.", kept, HEAP_ATTEMPTS),
                LIVE);
    }

    /**
     * Keeps {@code kept} bytes through a young collection, lets them go, and asks for a full collection: the last
     * collection is then another collector's than the one before it, and the heap holds what it held after the full
     * one. Reads {@code heap_live_bytes} until it says so; a collection the check did not ask for ends an attempt.
     */
    private static void awaitLiveHeapAfterFullCollection(Served yours, long kept, long earlier)
            throws InterruptedException {
        for (int attempt = 1; attempt <= HEAP_ATTEMPTS; attempt++) {
            List<byte[]> retained = LiveHeap.retain(kept);
            LiveHeap.youngCollection();
            long beforeFull = LiveHeap.afterLastCollection();
            Reference.reachabilityFence(retained);
            retained = null;
            System.gc();
            long collections = LiveHeap.collections();
            long live = LiveHeap.afterLastCollection();
            String change = String.format(Locale.ROOT, "%d MB kept through a young collection, then let go and a"
                    + " full collection run (System.gc()) with no collection since", kept / MEGABYTE);
            long start = System.nanoTime();
            double value = yours.read("heap_live_bytes");
            while (LiveHeap.collections() == collections && Math.abs(value - live) > HEAP_TOLERANCE) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis >= FRESH_MILLIS + MARGIN_MILLIS) {
                    String observed = String.format(Locale.ROOT, "With %s, your gauge `heap_live_bytes` still said"
                            + " %,.1f MB after %,d ms. ", change, value / MEGABYTE, millis);
                    if (Math.abs(value - beforeFull) <= HEAP_TOLERANCE || value >= live + kept / 2) {
                        Feedback.fail(observed + String.format(Locale.ROOT, "Right after the full collection the"
                                + " heap held %,.1f MB; your gauge still counts those %d MB, as after the young"
                                + " collection before it: the last collection may be any collector's, a young one,"
                                + " a full one or a concurrent cycle's.", live / (double) MEGABYTE, kept / MEGABYTE),
                                LAST);
                    }
                    if (Math.abs(value - earlier) <= HEAP_TOLERANCE) {
                        Feedback.fail(observed + "That is what the heap held after an earlier collection.", FRESH);
                    }
                    Feedback.fail(observed + String.format(Locale.ROOT, "The heap now holds %,.1f MB.",
                            LiveHeap.used() / (double) MEGABYTE), LAST);
                }
                Thread.sleep(READ_EVERY_MILLIS);
                value = yours.read("heap_live_bytes");
            }
            if (LiveHeap.collections() == collections) {
                return;
            }
        }
        throw Feedback.fail(String.format(Locale.ROOT, "With %d MB kept through a young collection, then let go and a"
                + " full collection run, collections the check did not ask for came again and again, %d times before"
                + " your gauge said what the heap held after the last one: something collects on its own, such as a"
                + " System.gc() in a gauge or on a timer.", kept / MEGABYTE, HEAP_ATTEMPTS), LIVE);
    }

    private static void explainLiveHeap(String change, double value, long millis, Heap heap) {
        String observed = String.format(Locale.ROOT, "With %s, your gauge `heap_live_bytes` still said %,.1f MB"
                + " after %,d ms. ", change, value / MEGABYTE, millis);
        if (Math.abs(value - heap.used()) < Math.abs(value - heap.live())) {
            Feedback.fail(observed + String.format(Locale.ROOT, "That is about what the heap holds now, %,.1f MB,"
                    + " garbage included; right after the last collection it held %,.1f MB.",
                    heap.used() / (double) MEGABYTE, heap.live() / (double) MEGABYTE), LIVE);
        }
        double withLarge = Math.abs(value - heap.live() - heap.large());
        if (withLarge < Math.abs(value - heap.live()) && withLarge < Math.abs(value - heap.used())) {
            Feedback.fail(observed + String.format(Locale.ROOT, "That is about what the heap held right after the"
                    + " last collection, %,.1f MB, plus the %d MB array let go since: an array that large never"
                    + " enters eden (G1 gives it regions of its own in the old generation), so heap used minus eden"
                    + " still counts garbage.", heap.live() / (double) MEGABYTE, heap.large() / MEGABYTE), LIVE);
        }
        if (heap.live() - heap.afterFull() > 2 * HEAP_TOLERANCE
                && Math.abs(value - heap.afterFull()) <= HEAP_TOLERANCE) {
            Feedback.fail(observed + String.format(Locale.ROOT, "That is what the heap held after the full"
                    + " collection; the young collection since kept %,.1f MB more, in survivor space, and the old"
                    + " generation's figure did not change.", (heap.live() - heap.afterFull()) / (double) MEGABYTE),
                    YOUNG);
        }
        if (heap.earlier() >= 0 && Math.abs(value - heap.earlier()) <= HEAP_TOLERANCE) {
            Feedback.fail(observed + "That is what the heap held after an earlier collection.", FRESH);
        }
        Feedback.fail(observed + String.format(Locale.ROOT, "The heap now holds %,.1f MB, garbage included.",
                heap.used() / (double) MEGABYTE), LIVE);
    }

    private static Served serve() {
        Vars vars = new Vars();
        return new Served(vars, ReferenceSolution.view(Gauges.class, new HealthGauges(vars)));
    }

    /** The learner's gauges on their registry; a read calls the gauge's function, as a scrape would. */
    private record Served(Vars vars, Gauges gauges) implements AutoCloseable {

        double read(String name) {
            Var var = vars.get(name);
            Feedback.check(var instanceof Gauge, "Your gauges have no gauge `" + name + "`.", KEEP);
            return ((Gauge) var).get();
        }

        @Override
        public void close() {
            gauges.close();
        }
    }

    private interface Factory {
        Gauges create(Vars vars) throws Exception;
    }

    private interface Load {
        long run(Vars vars, URI uri) throws Exception;
    }

    private record Measured(SafepointBill bill, long scrapes) {}

    private record Costs(Measured reference, Measured yours) {}

    /**
     * The heap when a gauge is read: what it held right after the last collection and now, after an earlier
     * collection (-1 if none), after the full collection before the last one, and the large array let go since.
     */
    private record Heap(long live, long used, long earlier, long afterFull, long large) {}

    private record Window(Instant start, Instant end, long scrapes) {

        Measured measured(List<VmOperation> recorded, String testThread) {
            return new Measured(SafepointBill.of(recorded, start, end, testThread), scrapes);
        }
    }
}
