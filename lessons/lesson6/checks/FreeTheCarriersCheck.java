package lesson6.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code free-the-carriers}: the learner's tariff service and the course's fix each run
 * the same load in a fresh JVM whose scheduler has 2 carriers ({@link StarvationRun}), one after the other in a
 * random order, and the learner's figures are judged as ratios of the fix's.
 *
 * <p>The load, every request on a virtual thread of its own: quotes at a steady pace, whose rate lookups block for
 * 7 to 10 ms, so many that pinned lookups would need more carriers than there are; reports of 2 and 3 pages by
 * turns, half a processor's worth every 100 ms; then a burst of reports, one for every 600 ms / (ms per page), about
 * 270 on this machine (a page takes about 2.3 ms of an idle core); then one long report of about 0.5 s of one
 * processor, with five one-page reports submitted beside it 40 ms apart. One of the five currencies' rates changes
 * every 5 to 10 ms. The burst is timed until its last report is done. Proxies, and what defeats each in every run:
 * <ul>
 *   <li>fixing one cause only: CPU-bound reports left on virtual threads hold both carriers through the burst, and
 *       pinned lookups alone ask for more carriers than there are, so either leaves quotes waiting. Latency alone
 *       does not always show the first: with the pinning fixed, the burst's quotes had a p99 of 38 to 82 ms
 *       against the fix's 11 to 12 ms in 6 runs on an idle machine, within the allowance in one of them; but every
 *       carrier was mounted in 62 to 100% of the burst's samples, against 0 to 2% for the fix in those runs and
 *       in 8 more with one core kept busy, so the burst's share of samples with every carrier mounted may exceed
 *       the fix's by at most {@value #MOUNTED_SLACK};</li>
 *   <li>raising the scheduler's parallelism instead: the burst then runs as many CPU-bound threads as there are
 *       reports, all competing with the quotes for the processors;</li>
 *   <li>{@code Thread.yield()} in the reports, after every page: a yielded report goes back into the scheduler's
 *       queues, so through the burst a quote waits behind a page of many of the hundreds of reports queued. With
 *       one core kept busy elsewhere, the burst p99 of two such services was 356 to 1275 ms against the fix's 10
 *       to 15 ms in the same runs (15 checks); reports have 2 pages or more, never 1, since a report of one page
 *       that yields before it starts only moves to another of the scheduler's queues, and its quotes waited
 *       about a page (p99 51 ms against 14 ms);</li>
 *   <li>keeping small reports on virtual threads, as if only long ones held a carrier: every phase has reports
 *       of two sizes, so a service that tells them apart by size keeps a share of every phase's on the carriers
 *       (with reports of one size per run, one that kept those of 2 pages there passed 1 run of 2);</li>
 *   <li>caching rates, or answering from anything but the rate of the moment: rates change while quotes run, and
 *       every answer must match a rate in force while that quote ran;</li>
 *   <li>sharing one lookup among the quotes that ask for a currency while it runs (Go's singleflight): the rates
 *       service answers the rate in force when it was asked, and one of its five currencies moves every 5 to
 *       10 ms, so a quote that joins a lookup asked before it arrived now and then gets a rate that had already
 *       changed (with a move every 20 to 40 ms such a service passed 1 run of 10);</li>
 *   <li>dropping or sampling reports to shed load: every report must finish with its checksum;</li>
 *   <li>serialising reports through one platform thread: the burst alone cannot show it, since with one core busy
 *       elsewhere one report thread renders almost as fast as two (the burst took it 1.3 times as long as the
 *       fix). The one-page reports beside the long one can: on a pool of as many threads as processors they run
 *       beside it (a median 3.4 to 7.5 ms), on one thread they wait for it (373 to 478 ms in 18 runs, one core
 *       kept busy), and the slowest of them may take at most {@code 3 * fix + 50 ms};</li>
 *   <li>a queue of its own per thread, fed in turn (as Go's per-processor run queues, without their stealing):
 *       the burst runs as fast as on a shared queue, but two or three of the five one-page reports land behind
 *       the long one, which is why the slowest of them is judged, not their median (which passed such a service
 *       in 2 runs of 2);</li>
 *   <li>a bounded queue whose full-queue policy has the caller render the report ({@code CallerRunsPolicy}): the
 *       caller is the request's virtual thread, so through the burst the reports the queue refuses hold the
 *       carriers; the quotes then wait hundreds of milliseconds (p99 716 to 1212 ms against the fix's 15 to
 *       39 ms in three runs, one core kept busy);</li>
 *   <li>any platform threads, one per report (an unbounded or cached pool): the OS time-slices them so well that
 *       the quotes' latency barely shows it, but the burst has at least {@code 4 * processors + 16} reports at
 *       once, and the platform threads started during it may exceed the fix's by at most
 *       {@code processors + 2}. A fixed pool of up to ten threads has started them all in the steady phase
 *       (a thread per submission until it is full, and it gets at least ten); a cached pool started 20 during
 *       bursts of 142 and 146 reports on this 2-processor machine, one core kept busy.</li>
 *   <li>a close() that lets the reports already asked for finish ({@code ExecutorService.close()}, or
 *       {@code awaitTermination}), as if keeping every report extended to stopping: at the end of the run another
 *       burst of reports is asked for and close() called at once, and it may take at most
 *       250 ms longer than the fix's, which abandons them.</li>
 * </ul>
 */
class FreeTheCarriersCheck {

    private static final String CPU = "Lesson 6, 'Carriers held: CPU-bound work'";
    private static final String PINNED_CALLBACK =
            "Lesson 6, 'Pinning': blocking inside a native callback holds the carrier";
    private static final String FIXES = "Lesson 6, 'Starvation, and its fixes'";
    private static final double LATENCY_FACTOR = 3;
    private static final double LATENCY_SLACK_MILLIS = 10;
    private static final double THROUGHPUT_FACTOR = 2.5;
    private static final double WAIT_FACTOR = 3;
    private static final double WAIT_SLACK_MILLIS = 50;
    private static final double MOUNTED_SLACK = 0.3;
    /** How much longer than the fix's close() may take: a backlog of reports takes a second or more to render. */
    private static final double CLOSE_SLACK_MILLIS = 250;
    /** The smaller reports' pages; the others have one more. */
    private static final int SMALL_REPORT_PAGES = 2;
    private static final double BURST_PAGE_MILLIS = 600;
    private static final double LONG_REPORT_MILLIS = 500;
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    private static Map<String, String> yours;
    private static Map<String, String> reference;

    /** Two measured runs of up to 15 s each: longer than the usual limit of one test. */
    @BeforeAll
    @Timeout(value = 80, unit = TimeUnit.SECONDS)
    static void measureBoth() throws IOException {
        Random random = new Random();
        int lookupMillis = 7 + random.nextInt(4);
        int quotesPerSecond = 2_400 / lookupMillis + random.nextInt(40);
        double millisPerPage = millisPerPage();
        int reportsPerTick = (int) Math.max(1, Math.round(50 / ((SMALL_REPORT_PAGES + 0.5) * millisPerPage)));
        int burst = (int) Math.max(4 * PROCESSORS + 16, Math.round(BURST_PAGE_MILLIS / millisPerPage));
        int longPages = (int) Math.round(LONG_REPORT_MILLIS / millisPerPage);
        boolean yoursFirst = random.nextBoolean();
        String[] args = {Integer.toString(quotesPerSecond), Integer.toString(lookupMillis), "2500",
                Long.toString(random.nextLong()), Integer.toString(SMALL_REPORT_PAGES),
                Integer.toString(reportsPerTick), Integer.toString(burst), Integer.toString(longPages)};
        if (yoursFirst) {
            yours = run("yours", args);
            reference = run("reference", args);
        } else {
            reference = run("reference", args);
            yours = run("yours", args);
        }
        if (!reference.containsKey("steadyP99")) {
            throw new IllegalStateException("The course's own fix gave no result: " + reference.get("output"));
        }
    }

    @Test
    void keepsEveryAnswerAndEveryReport() {
        Feedback.check(yours.containsKey("wrongQuotes"), "Your service's run ended without a result:\n"
                + yours.get("output"), FIXES);
        Feedback.check(number(yours, "wrongQuotes") == 0, String.format(Locale.ROOT, "%.0f of your quotes were wrong"
                + " or failed (for example `%s`): each must be the lowest tier at a rate in force while that quote"
                + " ran, and one of five currencies' rates changes every 5 to 10 ms.", number(yours, "wrongQuotes"),
                yours.get("wrongQuote")), FIXES + ": a fix moves where the work runs, never what it answers");
        Feedback.check(number(yours, "unfinishedReports") == 0 && number(yours, "wrongReports") == 0,
                String.format(Locale.ROOT, "Of %.0f reports, %.0f did not finish within 3 s of the end and %.0f had"
                        + " the wrong checksum.", number(yours, "reports"), number(yours, "unfinishedReports"),
                        number(yours, "wrongReports")), FIXES + ": keep all the work");
    }

    @Test
    void quotesStayFastUnderASteadyLoad() {
        compareLatency("steady", "at a steady pace, with reports every 100 ms");
    }

    @Test
    void quotesStayFastThroughABurstOfReports() {
        compareLatency("burst", "while a burst of " + (int) number(reference, "burstReports") + " reports ran");
    }

    @Test
    void carriersStayFreeThroughABurstOfReports() {
        requireResult();
        double yoursMounted = number(yours, "burstAllMounted");
        double referenceMounted = number(reference, "burstAllMounted");
        Feedback.check(yoursMounted <= referenceMounted + MOUNTED_SLACK, String.format(Locale.ROOT, "While a burst of"
                        + " %.0f reports ran, every carrier was mounted in %.0f%% of the scheduler's samples (one every"
                        + " 20 ms) in your service and in %.0f%% in the course's fix in the same run: a quote that came"
                        + " then found no carrier free. Your quotes' p99 through the burst was %.1f ms, the fix's"
                        + " %.1f ms. %s", number(yours, "burstReports"), 100 * yoursMounted, 100 * referenceMounted,
                number(yours, "burstP99"), number(reference, "burstP99"), pins()), revisit());
    }

    @Test
    void virtualThreadsDoNotPileUp() {
        requireResult();
        double first = number(yours, "steadyQueuedFirst");
        double last = number(yours, "steadyQueuedLast");
        double bound = Math.max(2 * number(reference, "steadyQueuedLast"), number(reference, "steadyQueuedLast") + 10);
        Feedback.check(last <= bound, String.format(Locale.ROOT, "During the steady phase, virtual threads queued for"
                        + " a carrier averaged %.1f in its first third and %.1f in its last (the course's fix: %.1f and"
                        + " %.1f). %s", first, last, number(reference, "steadyQueuedFirst"),
                number(reference, "steadyQueuedLast"), cause("steady")), revisit());
    }

    @Test
    void reportsKeepTheirThroughput() {
        requireResult();
        double yoursSeconds = number(yours, "burstSeconds");
        double referenceSeconds = number(reference, "burstSeconds");
        Feedback.check(yoursSeconds <= THROUGHPUT_FACTOR * referenceSeconds + 0.2, String.format(Locale.ROOT,
                "A burst of %.0f reports took your service %.2f s and the course's fix %.2f s in the same run: more"
                        + " than %.1f times as long.%s", number(yours, "burstReports"), yoursSeconds, referenceSeconds,
                THROUGHPUT_FACTOR, slowReportsCause()), slowReportsRevisit());
        double yoursWait = number(yours, "probeShortSlowest");
        double referenceWait = number(reference, "probeShortSlowest");
        double allowedWait = WAIT_FACTOR * referenceWait + WAIT_SLACK_MILLIS;
        Feedback.check(yoursWait <= allowedWait, String.format(Locale.ROOT, "While a report of %.0f pages ran, one-page"
                        + " reports submitted beside it took up to %.1f ms in your service and %.1f ms in the"
                        + " course's fix in the same run (allowed: %.1f ms): they waited for the long one while %d"
                        + " processors could have run them.%s", number(yours, "probeLongPages"), yoursWait,
                referenceWait, allowedWait, PROCESSORS, slowReportsCause()), slowReportsRevisit());
    }

    /** Slow reports come from a pool too small, unless the learner's threads pinned the carriers. */
    private static String slowReportsRevisit() {
        return pinnedMore() ? PINNED_CALLBACK
                : FIXES + ": a pool for CPU-bound work sized to the processors, not smaller";
    }

    private static String slowReportsCause() {
        return pinnedMore() ? " " + pins() : "";
    }

    @Test
    void closesWithoutWaitingForReports() {
        requireResult();
        Feedback.check(!yours.containsKey("closeThrew"), "Your service's close() threw `" + yours.get("closeThrew")
                + "`.", FIXES + ": close() stops the service; reports still running are abandoned");
        double yoursMillis = number(yours, "closeMillis");
        double referenceMillis = number(reference, "closeMillis");
        Feedback.check(yoursMillis <= referenceMillis + CLOSE_SLACK_MILLIS, String.format(Locale.ROOT, "Right after"
                        + " another burst of %.0f reports was asked for, close() took %.0f ms to return in your"
                        + " service and %.0f ms in the course's fix: a service that is stopping abandons the reports"
                        + " still running, and its caller is not kept waiting for them.", number(yours, "burstReports"),
                yoursMillis, referenceMillis), FIXES + ": close() stops the service; reports still running are"
                + " abandoned");
    }

    @Test
    void reportsRunOnABoundedPool() {
        requireResult();
        double extra = number(yours, "burstExtraThreads");
        double allowed = number(reference, "burstExtraThreads") + PROCESSORS + 2;
        Feedback.check(extra <= allowed, String.format(Locale.ROOT, "A burst of %.0f reports started %.0f platform"
                        + " threads in your service and %.0f in the course's fix: a thread per report, each with its"
                        + " own stack, all competing for %d processors.", number(yours, "burstReports"), extra,
                number(reference, "burstExtraThreads"), PROCESSORS), CPU
                + ": CPU-bound work on platform threads, as many as there are processors");
    }

    private static void compareLatency(String phase, String when) {
        requireResult();
        double yoursP99 = number(yours, phase + "P99");
        double referenceP99 = number(reference, phase + "P99");
        double allowed = LATENCY_FACTOR * referenceP99 + LATENCY_SLACK_MILLIS;
        Feedback.check(yoursP99 <= allowed, String.format(Locale.ROOT, "Quotes %s: your p99 was %.1f ms, the"
                        + " course's fix's %.1f ms in the same run (allowed: %.1f ms). %s", when, yoursP99,
                referenceP99, allowed, cause(phase)), revisit());
    }

    /**
     * What held the learner's carriers in {@code phase}, the one whose quotes were slow, from what their run
     * recorded: pinning, CPU-bound work, or neither. A pool that runs refused reports on the caller holds the
     * carriers in a burst only, so the steady phase's figure would not show it.
     */
    private static String cause(String phase) {
        return String.format(Locale.ROOT, "In your run every carrier was mounted in %.0f%% of the samples of the"
                        + " %s phase (the course's fix: %.0f%%). %s", 100 * number(yours, phase + "AllMounted"), phase,
                100 * number(reference, phase + "AllMounted"), pins());
    }

    /** Whether the learner's virtual threads blocked while pinned, how often, and where most. */
    private static String pins() {
        double pinned = number(yours, "pinned");
        return pinned == 0 ? "Your service's virtual threads never blocked while pinned."
                : String.format(Locale.ROOT, "Your service's virtual threads blocked %.0f times while pinned, %.0f ms"
                        + " in all, most at `%s`.", pinned, number(yours, "pinnedMillis"), yours.get("pinnedSite"));
    }

    private static String revisit() {
        return pinnedMore() ? PINNED_CALLBACK : CPU + ": CPU-bound work holds its carrier until it is done";
    }

    /**
     * Whether the learner's virtual threads blocked while pinned clearly more often than the fix's: then pinning is
     * what to revisit, whichever figure it slowed first.
     */
    private static boolean pinnedMore() {
        return number(yours, "pinned") > number(reference, "pinned") + 20;
    }

    private static void requireResult() {
        Feedback.check(yours.containsKey("steadyP99"), "Your service's run ended without a result:\n"
                + yours.get("output"), FIXES);
    }

    private static double number(Map<String, String> result, String key) {
        return Double.parseDouble(result.getOrDefault(key, "NaN"));
    }

    /**
     * Milliseconds of one processor per report page on this machine, measured on the check's own copy of the
     * renderer once the JIT has compiled it: reports half a processor's worth every 100 ms, and a burst of 0.7 s.
     */
    private static double millisPerPage() {
        long sink = 0;
        long warmUntil = System.nanoTime() + 500_000_000;
        while (System.nanoTime() < warmUntil) {
            sink += TariffModel.render(1);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            sink += TariffModel.render(1);
            best = Math.min(best, System.nanoTime() - start);
        }
        return sink == 42 ? 1 : best / 1e6;
    }

    /** One measured run in a JVM of its own; {@code output} holds what it printed when it gave no result. */
    private static Map<String, String> run(String which, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = which;
        System.arraycopy(args, 0, all, 1, args.length);
        try (LabProcess lab = LabProcess.start(StarvationRun.class, List.of("-Xmx128m",
                "--enable-native-access=ALL-UNNAMED", "-Djdk.virtualThreadScheduler.parallelism=2"), all)) {
            Map<String, String> result = new HashMap<>();
            try {
                String line = lab.awaitLine(l -> l.startsWith(StarvationRun.RESULT), Duration.ofSeconds(35));
                for (String pair : line.substring(StarvationRun.RESULT.length()).trim().split(" ")) {
                    String[] keyValue = pair.split("=", 2);
                    result.put(keyValue[0], keyValue[1]);
                }
            } catch (IllegalStateException e) {
                result.put("output", e.getMessage());
            }
            return result;
        }
    }
}
