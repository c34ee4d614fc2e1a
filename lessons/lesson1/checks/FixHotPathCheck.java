package lesson1.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lesson1.StatusPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;
import workbench.harness.LiveThreads;
import workbench.harness.ReferenceSolution;

/**
 * Hidden checks of exercise {@code fix-hot-path}: the learner's status page must answer like the original
 * ({@link lesson1.demo.StatusPage}), serve at least five times as many requests, and cost about what the reference
 * fix costs, measured beside it in the same JVM under a steady load and a burst: CPU per request on the request
 * thread, safepoints asked for by the page's threads and the request threads (JFR's {@code jdk.ExecuteVMOperation}
 * names the caller), threads left after {@code close()}, and figures that follow the JVM's state.
 *
 * <p>Proxies of a fix, and the scenario that defeats each in every run:
 * <ul>
 *   <li><b>only the reads that stop the world moved off the request path</b> ({@code getProcessCpuLoad}, heap usage
 *       and the MBean attribute still read per request): CPU per request on the request thread, against the
 *       reference fix beside it, at most four times as much or 10 µs more; {@code getProcessCpuLoad} alone costs
 *       tens of times what formatting does in a burst.</li>
 *   <li><b>a cache with a time to live, refreshed by the request that finds it old</b>, or <b>every Nth request</b>:
 *       the expensive read still runs on a request thread, and JFR names that thread as the one that asked for the
 *       safepoint, under a steady load where no cache hides it behind thousands of cheap requests.</li>
 *   <li><b>a timer as fast as it goes</b> (every millisecond, as if reads off the request path were free): the CPU
 *       the page's own threads use during the steady load, at most four times the reference's or 10 ms a second
 *       more;</li>
 *   <li><b>the full thread dump moved to a timer</b>: the timer's thread asks for a safepoint every period; under a
 *       steady load of 500 requests a second that is many times the one per 1,000 requests allowed, whatever a burst
 *       would average it to.</li>
 *   <li><b>the first reading cached forever</b>, with only uptime kept live, and <b>a refresh period at the 200 ms
 *       bound</b>: the check changes the thread count and the heap every 15 ms and asks for the figures every
 *       millisecond; live threads, blocked threads and heap used must each change, at least every 150 ms (median),
 *       which leaves one read and a scheduling delay inside the 200 ms promised.</li>
 *   <li><b>a timer that a thread gone by the time it is looked up stops for good</b> ({@code getThreadInfo} gives
 *       {@code null} for it, and a scheduled task that throws never runs again): from a fifth of the polling until
 *       250 ms before its end, 1.75 s, short-lived threads come and go, several at a time ({@link ThreadTurnover}),
 *       so that one has ended in between in about one lookup in six: a timer every 50 ms died, and its figures
 *       stopped changing for longer than the 200 ms promised, in 10 runs of 10 with one core busy (one thread at a
 *       time over 1 s, before, caught it in 9 runs of 10 of one series and in none of 3 of another).</li>
 *   <li><b>a refresh started by the request that finds the values old</b>, even on a background thread
 *       (stale-while-revalidate), or <b>a timer that pauses while no request comes</b>: after the polling, no
 *       request comes for 2.6 to 3.2 s while a thread blocks every 15 ms; the first request after that must get a
 *       live thread count the JVM had at most 200 ms before, and such a page serves it the count from before the
 *       quiet spell, or from when its timer paused (a second or two into it).</li>
 *   <li><b>a NaN taken for no reading</b>, the last blocked count kept until a new one comes: last, the check lets
 *       every blocked thread go, and within {@value Staleness#RELEASE_MILLIS} ms the page must serve none.</li>
 *   <li><b>one result object updated in place</b> and published again through a volatile field: two reflective
 *       readings of what the page's volatile fields and atomic references hold, 600 ms apart, must not find the
 *       same object with other figures ({@link Published}).</li>
 *   <li><b>a field dropped</b> because it was expensive: every field of the original, with its JSON type.</li>
 *   <li><b>nothing read until the timer first runs</b>: the first request, made as soon as the page is built, must
 *       get live threads and heap used above zero.</li>
 *   <li><b>the machine's load average</b> ({@code jvm.system.cpu.load_1m}) for the process's CPU load: after a quiet
 *       spell and then while two of the check's threads a processor compute, the figure must rise by 0.3 of the
 *       machine; a one-minute average of the run queue barely moves in those few seconds. <b>CPU seconds a
 *       second</b>, not divided by the processors: two threads compute for each processor, and the figure, a share
 *       of the machine, may not exceed 1.</li>
 *   <li><b>the machine's CPU load</b> ({@code getCpuLoad()}, every process's) for the process's: through both
 *       quiet spells another process keeps every processor busy ({@link OtherProcessLoad}), so the machine is
 *       fully loaded while this process computes nothing, and no more than that while it computes.</li>
 *   <li><b>the CPU time of the threads alive at each refresh</b>, summed, for the process's: the threads that
 *       compute live {@value #WORKER_MILLIS} ms each, others taking their place, so most of the CPU the process uses
 *       between two refreshes was used by threads that have ended.</li>
 *   <li><b>a timer left running</b>: threads the page started must end within a second of {@code close()}. <b>One
 *       timer shared by every page</b>, left running because another page may still read it, is such a thread: the
 *       pages are measured before any other test builds one, so the shared timer starts while they are.</li>
 * </ul>
 */
class FixHotPathCheck {

    private static final String HOT_PATH = "Lesson 1, page 'Keep it off the hot path'";
    private static final String FIELDS = HOT_PATH + ": the fix moves the reads, the response keeps every field";
    private static final String STOPS = "Lesson 1, page 'What stops the world': a safepoint stops every thread,"
            + " whichever thread asked for it; then " + HOT_PATH;
    private static final String PUBLISH = HOT_PATH + ": the timer publishes an immutable result through a volatile"
            + " field, a new one on every refresh";
    private static final String NONE = "Lesson 1, page 'The metric catalogue': with no thread in a state there is no"
            + " row for it, and value() reads NaN; that is a reading of zero threads, not a missing one";
    private static final String FRESH = HOT_PATH + ": a background reader with a period well inside the bound";
    private static final String STOPPED = HOT_PATH + ": a scheduled task that throws is never run again, and"
            + " getThreadInfo gives null for a thread that ended after it was listed";
    private static final String PERIOD = HOT_PATH + ": off the request path a read costs what it did on it; the"
            + " timer's period sets how often that is paid, whatever the traffic, so refresh well inside the bound,"
            + " not as often as you can";
    private static final String CPU_LOAD = "Lesson 1, page 'The metric catalogue': processCpuLoad is this process's"
            + " recent share of the processors (jvm.cpu.recent_utilization), not the machine's load or load average";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the one to two seconds that jvm.cpu.recent_utilization looks back over. */
    private static final int QUIET_MILLIS = 2_500;
    private static final int COMPUTING_MILLIS = 2_500;
    /**
     * Two threads computing for each processor take half the machine or more even beside another process that spins
     * on every processor; a load average moves a fifth at most in that time (one 5-second update of a one-minute
     * average).
     */
    private static final double CPU_LOAD_RISE = 0.3;
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();
    private static final int SPINNERS = 2 * PROCESSORS;
    /**
     * How long each computing thread lives: far shorter than any refresh period, so that a load summed from the
     * CPU time of the threads alive at each refresh misses most of what threads that ended in between used.
     */
    private static final long WORKER_MILLIS = 5;
    /**
     * The whole machine, and a little for a share computed from two clocks read a moment apart. CPU seconds a second
     * not divided by the processors come to 1.6 on two processors beside one other spinning thread, and more on
     * more processors.
     */
    private static final double WHOLE_MACHINE = 1.05;
    /**
     * CPU per request may be this many times the reference's, or this much more, whichever allows more: room for
     * answers that format differently and for the noise of a cold request after a pause (measured under a steady
     * load: the reference 13 to 67 µs, reads of {@code getProcessCpuLoad} and heap usage per request 159 to 575 µs;
     * in a burst 1.4 to 5.5 µs against 115 to 148 µs).
     */
    private static final double COST_RATIO = 4;
    private static final double COST_MARGIN_MICROS = 10;
    /** CPU a second that the page's own threads may use beyond the reference's, whatever their ratio. */
    private static final double OWN_CPU_MARGIN_MILLIS = 10;
    private static final int PACED_PER_SECOND = 500;
    private static final int PACED_SENDERS = 2;
    private static final long PACED_NANOS = 1_200_000_000L;
    private static final int BURST_REQUESTS = 30_000;
    private static final long BURST_NANOS = 1_000_000_000L;
    private static final long WARM_UP_NANOS = 500_000_000L;
    private static final double MEDIAN_GAP_MILLIS = 150;
    private static final int STALENESS_MILLIS = 2_500;
    /** The figures served after a quiet spell may be this old: the 200 ms promised. */
    private static final double QUIET_AGE_MILLIS = 200;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static SafepointAsks asks;
    /** Threads that ran before any page existed: the check's and the JVM's, never a page's. */
    private static Set<Long> checkThreads;
    private static Comparison comparison;

    private final Random random = new Random();

    /** The reference fix and the learner's page, each served a steady load and then a burst, one after the other. */
    private record Comparison(Served reference, Served yours) {}

    /**
     * What one page cost.
     *
     * @param paced     the steady load
     * @param pacedAsks safepoints asked for during it by threads that are not the check's
     * @param burst     the burst
     * @param burstAsks safepoints asked for during it by threads that are not the check's
     * @param lingering names of threads the page started that still ran a second after {@code close()}
     */
    private record Served(PageLoad.Cost paced, List<SafepointAsks.Ask> pacedAsks, long pacedOwnCpuNanos,
                          PageLoad.Cost burst, List<SafepointAsks.Ask> burstAsks, List<String> lingering) {

        /** CPU the page's own threads used per second of the steady load, in milliseconds. */
        double ownCpuMillisPerSecond() {
            return pacedOwnCpuNanos / 1e6 / Math.max(1e-9, paced.wallNanos() / 1e9);
        }
    }

    /**
     * Measures the reference fix and then the learner's page before any other test builds a page, so that a thread
     * the learner's pages share and never stop (a static timer, say) starts during the measurement and is seen to
     * outlive {@code close()}.
     */
    @BeforeAll
    static void measureBothPages() throws InterruptedException {
        asks = SafepointAsks.start();
        checkThreads = LiveThreads.byId().keySet();
        Windows reference = serve(() -> ReferenceSolution.create(Page.class, StatusPage.class));
        Windows yours = serve(() -> ReferenceSolution.view(Page.class, new StatusPage()));
        asks.stop();
        comparison = new Comparison(reference.attributed(), yours.attributed());
    }

    @AfterAll
    static void stopRecording() {
        asks.close();
    }

    @Test
    void keepsEveryField() throws Exception {
        String id = "probe-" + HexFormat.of().toHexDigits(random.nextInt());
        JsonNode original;
        try (lesson1.demo.StatusPage page = new lesson1.demo.StatusPage()) {
            original = JSON.readTree(page.render(id));
        }
        try (StatusPage page = new StatusPage()) {
            JsonNode first = parse(page.render("first"));
            Feedback.check(first.path("liveThreads").asLong() > 0 && first.path("heapUsedBytes").asLong() > 0,
                    "Asked right after it was built, your page said liveThreads " + first.path("liveThreads")
                            + " and heapUsedBytes " + first.path("heapUsedBytes") + "; the first request deserves"
                            + " real figures too.", FRESH);
            Thread.sleep(400);
            JsonNode yours = parse(page.render(id));
            Set<String> missing = new LinkedHashSet<>();
            for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!yours.has(name) || yours.get(name).getNodeType() != original.get(name).getNodeType()) {
                    missing.add(name);
                }
            }
            Feedback.check(missing.isEmpty(), "Your response lacks the field(s) " + missing
                    + ", or gives them another JSON type than the original response does.", FIELDS);
            Feedback.check(id.equals(yours.get("request").asText()), "Asked to render request '" + id
                    + "', your response said \"request\":\"" + yours.get("request").asText() + "\".", FIELDS);
            long threads = THREADS.getThreadCount();
            long reportedThreads = yours.get("liveThreads").asLong();
            Feedback.check(Math.abs(reportedThreads - threads) <= 5, "Your response said liveThreads "
                    + reportedThreads + " while this JVM ran " + threads + " live threads.", FIELDS);
            Feedback.check(yours.get("heapUsedBytes").asLong() > 0 && yours.get("heapCommittedBytes").asLong() > 0,
                    "Your response reported heapUsedBytes " + yours.get("heapUsedBytes").asLong()
                            + " and heapCommittedBytes " + yours.get("heapCommittedBytes").asLong()
                            + " for a JVM that is running.", FIELDS);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long reportedUptime = yours.get("uptimeMillis").asLong();
            Feedback.check(Math.abs(uptime - reportedUptime) <= 2_000, "Your response said uptimeMillis "
                    + reportedUptime + " while this JVM had been up " + uptime + " ms.", FRESH);
        }
    }

    /**
     * Two readings of what the page publishes, 600 ms apart (several refreshes of any timer that keeps within the
     * bound), while the check allocates so that heap used moves: an object that is still the one published, its
     * fields changed, was written in place while request threads could read it.
     */
    @Test
    void publishesANewResultOnEveryRefresh() throws Exception {
        try (StatusPage page = new StatusPage()) {
            Thread.sleep(200);
            Map<String, Published.Holding> before = Published.read(page);
            long until = System.nanoTime() + 600_000_000L;
            List<byte[]> garbage = new ArrayList<>();
            while (System.nanoTime() < until) {
                garbage.add(new byte[64 << 10]);
                if (garbage.size() > 256) {
                    garbage.clear();
                }
                Thread.sleep(1);
            }
            Map<String, Published.Holding> after = Published.read(page);
            for (Map.Entry<String, Published.Holding> field : before.entrySet()) {
                Published.Holding then = field.getValue();
                Published.Holding now = after.get(field.getKey());
                if (now != null && now.holder() == then.holder()) {
                    String changed = then.changedIn(now);
                    Feedback.check(changed == null, "Your page kept the same " + then.holder().getClass()
                            .getSimpleName() + " in its field '" + field.getKey() + "' for 600 ms while its figures"
                            + " changed in place (" + changed + "): a request that reads it while the timer writes"
                            + " it serves figures of two moments, such as heap used of one reading beside committed"
                            + " of the one before.", PUBLISH);
                }
            }
        }
    }

    /**
     * After a quiet spell, while another process keeps every processor busy, the process uses next to no CPU; while
     * two of the check's threads a processor compute, each ending after {@value #WORKER_MILLIS} ms with another in
     * its place, it uses half the machine or more; after another quiet spell,
     * the other process busy again, next to none. The machine is fully loaded in all three spells; a load average,
     * the machine's run queue over a minute, barely moves in that time; an average since the JVM started rises a
     * little and falls less (after the busy spell it has at least 2.5 s of the JVM's life behind it to dilute a
     * spell of 2.5 s). Each spell outlasts the window the figure is taken over.
     */
    @Test
    void followsTheProcessCpuLoad() throws Exception {
        try (StatusPage page = new StatusPage()) {
            double quiet;
            try (LabProcess load = OtherProcessLoad.start()) {
                Thread.sleep(QUIET_MILLIS);
                quiet = parse(page.render("quiet")).path("processCpuLoad").asDouble();
            }
            AtomicBoolean computing = new AtomicBoolean(true);
            List<Thread> spinners = new ArrayList<>();
            for (int i = 0; i < SPINNERS; i++) {
                spinners.add(Thread.ofPlatform().daemon().start(() -> {
                    while (computing.get()) {
                        try {
                            Thread.ofPlatform().daemon().start(FixHotPathCheck::computeForASlice).join();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            double busy;
            try {
                Thread.sleep(COMPUTING_MILLIS);
                busy = parse(page.render("busy")).path("processCpuLoad").asDouble();
            } finally {
                computing.set(false);
            }
            for (Thread spinner : spinners) {
                spinner.join();
            }
            Feedback.check(busy - quiet >= CPU_LOAD_RISE, String.format(Locale.ROOT, "After %d ms in which this JVM"
                    + " computed nothing while another process kept every processor busy, your page said"
                    + " processCpuLoad %.3f; after %d ms in which %d of its threads at a time computed without a pause,"
                    + " %.3f. The figure does not follow this process's use of the CPU. Each of those threads computed"
                    + " for %d ms and ended, and another took its place, as request threads come and go: their CPU"
                    + " time is the process's too.", QUIET_MILLIS, quiet, COMPUTING_MILLIS, SPINNERS, busy,
                    WORKER_MILLIS), CPU_LOAD);
            Feedback.check(busy <= WHOLE_MACHINE, String.format(Locale.ROOT, "After %d ms in which %d of this JVM's"
                    + " threads computed without a pause, two for each of the %d processors, your page said"
                    + " processCpuLoad %.3f: more than the whole machine, which is 1. CPU time over wall time counts"
                    + " processor-seconds a second; a share of the machine divides that by the processors.",
                    COMPUTING_MILLIS, SPINNERS, PROCESSORS, busy), CPU_LOAD);
            double quietAgain;
            try (LabProcess load = OtherProcessLoad.start()) {
                Thread.sleep(QUIET_MILLIS);
                quietAgain = parse(page.render("quiet again")).path("processCpuLoad").asDouble();
            }
            Feedback.check(busy - quietAgain >= CPU_LOAD_RISE, String.format(Locale.ROOT, "After %d ms in which %d"
                    + " of this JVM's threads computed without a pause, your page said processCpuLoad %.3f; after %d"
                    + " ms more in which it computed nothing (another process did), still %.3f. The figure remembers"
                    + " the past instead of telling the present.", COMPUTING_MILLIS, SPINNERS, busy, QUIET_MILLIS,
                    quietAgain), CPU_LOAD);
        }
    }

    @Test
    void servesAtLeastFiveTimesAsManyRequests() throws InterruptedException {
        PageLoad.Cost original;
        try (Page page = ReferenceSolution.view(Page.class, new lesson1.demo.StatusPage())) {
            PageLoad.burst(page, 5, WARM_UP_NANOS);
            original = PageLoad.burst(page, 30 + random.nextInt(21), 2 * BURST_NANOS);
        }
        PageLoad.Cost yours = comparison.yours().burst();
        double factor = yours.perSecond() / original.perSecond();
        Feedback.check(factor >= 5, String.format(Locale.ROOT,
                "In a burst your page served %,.0f requests per second and the original %,.0f: %.1f times as many,"
                        + " less than the 5 times asked for.", yours.perSecond(), original.perSecond(), factor),
                HOT_PATH);
    }

    @Test
    @DisplayName("costs about what the reference fix costs per request")
    void costsAboutWhatTheReferenceFixCostsPerRequest() {
        judgeCost("At a steady " + PACED_PER_SECOND + " requests a second", comparison.yours().paced(),
                comparison.reference().paced());
        judgeCost("In a burst", comparison.yours().burst(), comparison.reference().burst());
        double yours = comparison.yours().ownCpuMillisPerSecond();
        double reference = comparison.reference().ownCpuMillisPerSecond();
        double allowed = Math.max(COST_RATIO * reference, reference + OWN_CPU_MARGIN_MILLIS);
        Feedback.check(yours <= allowed, String.format(Locale.ROOT, "At a steady %d requests a second, the threads"
                + " your page runs on its own (a timer's, say) used %.1f ms of CPU a second; the reference fix's,"
                + " run beside it, %.1f ms: more than the %.1f ms allowed.", PACED_PER_SECOND, yours, reference,
                allowed), PERIOD);
    }

    private static void judgeCost(String load, PageLoad.Cost yours, PageLoad.Cost reference) {
        double allowed = Math.max(COST_RATIO * reference.microsPerRequest(),
                reference.microsPerRequest() + COST_MARGIN_MICROS);
        Feedback.check(yours.microsPerRequest() <= allowed, String.format(Locale.ROOT,
                "%s, each request cost your page %.1f µs of CPU on the thread that asked for it; the reference fix,"
                        + " run beside it, %.1f µs: %.1f times as much, more than the %.1f µs allowed. Something"
                        + " still reads runtime state per request, even if it stops no one: render() should only"
                        + " format the latest values.", load, yours.microsPerRequest(), reference.microsPerRequest(),
                yours.microsPerRequest() / reference.microsPerRequest(), allowed), HOT_PATH);
    }

    @Test
    @DisplayName("asks for at most one safepoint per 1,000 requests")
    void asksForAtMostOneSafepointPerThousandRequests() {
        judgeAsks("At a steady " + PACED_PER_SECOND + " requests a second", comparison.yours().paced(),
                comparison.yours().pacedAsks(), comparison.reference().pacedAsks());
        judgeAsks("In a burst", comparison.yours().burst(), comparison.yours().burstAsks(),
                comparison.reference().burstAsks());
    }

    /** Computes without a pause for {@value #WORKER_MILLIS} ms, then returns, ending its thread. */
    private static void computeForASlice() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WORKER_MILLIS);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void judgeAsks(String load, PageLoad.Cost served, List<SafepointAsks.Ask> yours,
                                  List<SafepointAsks.Ask> reference) {
        Feedback.check(yours.size() * 1_000L <= served.requests(), String.format(Locale.ROOT,
                "%s, while your page served %,d requests, it asked for %d safepoints beside the collections that"
                        + " allocation brings (the reference fix, run beside it: %d): %s. At most 1 per 1,000 requests"
                        + " is allowed, and each one stopped every thread, requests included.", load,
                served.requests(), yours.size(), reference.size(), describe(yours, served.requestThreads())), STOPS);
    }

    /** "ThreadDump ×12 asked for by 'status-refresher', a thread your page started", one entry per caller. */
    private static String describe(List<SafepointAsks.Ask> asks, Set<Long> requestThreads) {
        Map<String, Map<String, Long>> byCaller = new LinkedHashMap<>();
        for (SafepointAsks.Ask ask : asks) {
            String caller = "'" + ask.caller() + "', " + (requestThreads.contains(ask.callerId())
                    ? "a request thread (on the request path)" : "a thread your page started");
            byCaller.computeIfAbsent(caller, c -> new LinkedHashMap<>()).merge(ask.operation(), 1L, Long::sum);
        }
        return byCaller.entrySet().stream().map(e -> e.getValue().entrySet().stream()
                        .map(op -> op.getKey() + " ×" + op.getValue()).collect(Collectors.joining(", "))
                        + " asked for by " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    @Test
    @DisplayName("stops its threads on close")
    void stopsItsThreadsOnClose() {
        List<String> lingering = comparison.yours().lingering();
        Feedback.check(lingering.isEmpty(), "A second after close(), threads your page started were still running: "
                + lingering + ". A service creates and closes pages; each one left behind keeps reading.", HOT_PATH
                + ": close the executor in close()");
    }

    @Test
    @DisplayName("reports changes within 200 ms")
    void reportsChangesWithin200Milliseconds() throws InterruptedException {
        Staleness.Result result;
        try (StatusPage page = new StatusPage()) {
            page.render("warm-up");
            result = Staleness.measure(ReferenceSolution.view(Page.class, page), FixHotPathCheck::parse,
                    STALENESS_MILLIS);
        }
        for (Staleness.Field field : result.fields()) {
            Feedback.check(field.changes() >= 2, String.format(Locale.ROOT,
                    "For %.1f s the check blocked one more thread and retained more heap every 15 ms, and asked your"
                            + " page for its figures every millisecond: its %s changed %d time%s. It serves a reading"
                            + " that is not refreshed.",
                    STALENESS_MILLIS / 1e3, field.field(), field.changes(), field.changes() == 1 ? "" : "s"), FRESH);
            Feedback.check(field.medianGapMillis() <= MEDIAN_GAP_MILLIS, String.format(Locale.ROOT,
                    "For %.1f s the check blocked one more thread and retained more heap every 15 ms, and asked your"
                            + " page for its figures every millisecond: its %s changed only every %.0f ms (median)."
                            + " A value is as old as the period plus one read plus any scheduling delay; to keep"
                            + " within 200 ms the figures must change at least every %.0f ms.", STALENESS_MILLIS / 1e3,
                    field.field(), field.medianGapMillis(), MEDIAN_GAP_MILLIS), FRESH);
        }
        for (Staleness.Field field : result.fields()) {
            Feedback.check(field.stillMillis() <= QUIET_AGE_MILLIS, String.format(Locale.ROOT,
                    "For %.1f s the check blocked one more thread and retained more heap every 15 ms, and asked your"
                            + " page for its figures every millisecond; from a fifth of the way on, short-lived"
                            + " threads came and went as well. Your page's %s changed %d times, then not once in the"
                            + " last %.0f ms: it stopped refreshing while the JVM went on changing.",
                    STALENESS_MILLIS / 1e3, field.field(), field.changes(), field.stillMillis()), STOPPED);
        }
        Staleness.AfterQuiet quiet = result.afterQuiet();
        Feedback.check(quiet.ageMillis() <= QUIET_AGE_MILLIS, String.format(Locale.ROOT,
                "Then no request came for %d ms while the check went on blocking a thread every 15 ms, as on a"
                        + " service between two visitors. The first request after that got liveThreads %d, a figure"
                        + " this JVM had left behind %.0f ms earlier: your page refreshes only while requests come,"
                        + " whether each request refreshes it or its clock pauses when they stop, so after a quiet"
                        + " spell its figures can be of any age.",
                quiet.quietMillis(), quiet.liveThreads(), quiet.ageMillis()), FRESH);
        Staleness.AfterRelease release = result.afterRelease();
        Feedback.check(release.blockedThreads() == 0, String.format(Locale.ROOT,
                "Last, the check let its %d blocked threads go, and they ended. %.0f ms later your page still served"
                        + " blockedThreads %d, though no thread was blocked: it kept an old count when the reading"
                        + " had none.", release.released(), release.afterMillis(), release.blockedThreads()), NONE);
    }

    /** When one page's loads ran, before JFR has delivered the safepoints asked for meanwhile. */
    private record Windows(Instant start, Instant pacedEnd, Instant burstEnd, PageLoad.Cost paced,
                           long pacedOwnCpuNanos, PageLoad.Cost burst, List<String> lingering) {

        /** The loads with the safepoints that threads other than the check's asked for during each. */
        Served attributed() {
            return new Served(paced, asks.askedBetween(start, pacedEnd, checkThreads), pacedOwnCpuNanos, burst,
                    asks.askedBetween(pacedEnd, burstEnd, checkThreads), lingering);
        }
    }

    private static Windows serve(Supplier<Page> create) throws InterruptedException {
        Set<Long> before = LiveThreads.byId().keySet();
        Instant start;
        Instant pacedEnd;
        PageLoad.Cost paced;
        long pacedOwnCpu;
        PageLoad.Cost burst;
        try (Page page = create.get()) {
            PageLoad.burst(page, 1_000, WARM_UP_NANOS);
            Map<Long, Long> ownCpu = pageThreadsCpu();
            start = Instant.now();
            paced = PageLoad.paced(page, PACED_SENDERS, PACED_PER_SECOND, PACED_NANOS);
            pacedEnd = Instant.now();
            pacedOwnCpu = pageThreadsCpu().entrySet().stream()
                    .mapToLong(thread -> thread.getValue() - ownCpu.getOrDefault(thread.getKey(), 0L)).sum();
            burst = PageLoad.burst(page, BURST_REQUESTS, BURST_NANOS);
        }
        return new Windows(start, pacedEnd, Instant.now(), paced, pacedOwnCpu, burst, lingeringSince(before));
    }

    /**
     * CPU time so far of each thread that is neither the check's nor the JVM's from before any page existed: the
     * page's timer and whatever else it runs on its own.
     */
    private static Map<Long, Long> pageThreadsCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        LiveThreads.byId().forEach((id, name) -> {
            if (!checkThreads.contains(id) && !name.startsWith("check-")) {
                long nanos = THREADS.getThreadCpuTime(id);
                if (nanos >= 0) {
                    cpu.put(id, nanos);
                }
            }
        });
        return cpu;
    }

    /** Threads started since {@code before} that are still alive after a second, by name; the check's excluded. */
    private static List<String> lingeringSince(Set<Long> before) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<String> lingering;
        do {
            Thread.sleep(20);
            lingering = LiveThreads.byId().entrySet().stream()
                    .filter(e -> !before.contains(e.getKey()) && !e.getValue().startsWith("check-"))
                    .map(Map.Entry::getValue).toList();
        } while (!lingering.isEmpty() && System.nanoTime() < deadline);
        return lingering;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, in the learner's terms
        }
        throw Feedback.fail("Your page answered with something that is not a JSON object: " + abbreviate(body),
                FIELDS);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
