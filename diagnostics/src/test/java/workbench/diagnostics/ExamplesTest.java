package workbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;
import workbench.diagnostics.gc.Collector;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.histogram.IntervalHistogram;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.snippets.GcSnippets;
import workbench.diagnostics.snippets.HsperfSnippets;
import workbench.diagnostics.snippets.JfrSnippets;
import workbench.diagnostics.snippets.MetricsSnippets;
import workbench.diagnostics.snippets.SafepointSnippets;
import workbench.diagnostics.snippets.SamplingSnippets;
import workbench.diagnostics.snippets.TargetSnippets;
import workbench.diagnostics.snippets.ThreadsSnippets;
import workbench.diagnostics.snippets.VarsSnippets;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.PoolNames;
import workbench.diagnostics.vars.Vars;

/**
 * The Javadoc's examples ({@code workbench.diagnostics.snippets}) run as written, where that is quick and safe.
 * This JVM's own pid stands in for another JVM, so nothing attaches. Left to compilation alone: examples that
 * wait seconds (JFR streams, GC pause recording, leak watching) or take a heap dump (leak profile).
 */
class ExamplesTest {

    private static final long OWN_PID = ProcessHandle.current().pid();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Runnable THREAD_DUMP = () -> THREADS.dumpAllThreads(false, false);

    @Test
    void targetExample() throws Throwable {
        String out = printed(() -> TargetSnippets.printThreadCounts(OWN_PID));
        assertEquals(2, out.lines().filter(line -> line.endsWith(" threads")).count(), out);
    }

    @Test
    void metricsExamples() throws Throwable {
        String overview = printed(() -> MetricsSnippets.printMetrics(OWN_PID));
        assertTrue(overview.contains("jvm.memory.used (gauge, By): ") && overview.contains(" bytes of heap used"),
                overview);

        Run<Snapshot> lookUp = run(MetricsSnippets::lookUp);
        assertTrue(lookUp.printed().lines().count() > Metrics.catalogue().size() / 2, lookUp.printed());
        Snapshot snapshot = lookUp.result();
        assertTrue(MetricsSnippets.heapUsed(snapshot) > 0);

        assertEquals("By [jvm.memory.pool.name, jvm.memory.type]\n", printed(MetricsSnippets::describeMemoryUsed));
        String rates = printed(() -> MetricsSnippets.printRates(snapshot, Metrics.read()));
        assertTrue(rates.contains("jvm.cpu.time: "), rates);
        String collectors = printed(() -> MetricsSnippets.printCollectors(snapshot));
        assertTrue(collectors.lines().allMatch(line -> line.matches(".+: \\d+ collections, .+ s")), collectors);
        assertTrue(MetricsSnippets.cpuSecondsDuring(Target.current(), THREAD_DUMP) >= 0);
    }

    @Test
    void safepointExamples() throws Throwable {
        assertTrue(HsperfSnippets.safepointsOf(OWN_PID).matches("\\d+ safepoints, .+ s stopped"));

        String overview = printed(() -> SafepointSnippets.findWhatStopsTheWorld(Target.current(), THREAD_DUMP));
        assertTrue(overview.contains("ThreadDump at safepoint") && overview.contains(" safepoints since "), overview);

        assertTrue(printed(SafepointSnippets::printThreadDumpOperations).contains("ThreadDump at safepoint"));
        assertTrue(SafepointSnippets.safepointsDuring(Target.current(), THREAD_DUMP) >= 1);
        try (SafepointCounter counter = Safepoints.current()) {
            assertTrue(SafepointSnippets.costOf(THREAD_DUMP, counter).count() >= 1);
        }
    }

    @Test
    void histogramExamples() throws Throwable {
        Run<HistogramSnapshot> timed = run(() -> JfrSnippets.timeRequests(() -> { }, 1000));
        assertEquals(1000, timed.result().count());
        assertTrue(timed.printed().startsWith("n=1000 "), timed.printed());

        IntervalHistogram pauses = new IntervalHistogram();
        List.of(1, 2, 3).forEach(millis -> pauses.record(Duration.ofMillis(millis)));
        String printed = printed(() -> JfrSnippets.printPauses(pauses));
        assertEquals("3 pauses, p99 PT0.003S, longest PT0.003S", printed.lines().findFirst().orElseThrow());
        assertEquals(3, printed.lines().filter(line -> line.endsWith(" ns: 1")).count(), printed);
    }

    @Test
    void gcLogExamples(@TempDir Path dir) throws Throwable {
        Path gcLog = Files.writeString(dir.resolve("gc.log"), """
                [0.005s][info][gc] Using G1
                [0.061s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->6M(64M) 4.770ms
                [0.061s][info][safepoint   ] Safepoint "G1CollectForAllocation", Time since last: 25511488 ns, \
                Reaching safepoint: 8116 ns, Cleanup: 9009 ns, At safepoint: 4902755 ns, Total: 4919880 ns
                [0.705s][info][gc          ] GC(1) Pause Full (System.gc()) 63M->23M(64M) 9.686ms
                [0.716s][info][gc          ] GC(2) Concurrent Mark Cycle
                [0.743s][info][gc          ] GC(2) Pause Remark 52M->52M(64M) 0.336ms
                [0.747s][info][gc          ] GC(2) Concurrent Mark Cycle 31.502ms
                """);
        Run<GcLog> summarized = run(() -> GcSnippets.summarize(gcLog));
        assertEquals("G1: 3 pauses, PT0.014792S in all\n", summarized.printed());
        GcLog log = summarized.result();
        assertEquals("""
                GC(0) YOUNG 6M->6M(64M) paused PT0.00477S
                GC(1) FULL 63M->23M(64M) paused PT0.009686S
                GC(2) CONCURRENT_CYCLE 52M->52M(64M) concurrent, paused PT0.000336S
                """, printed(() -> GcSnippets.printCycles(log)));
        assertEquals("""
                PT0.061S GC(0) Pause Young (Normal) (G1 Evacuation Pause): PT0.00477S
                PT0.705S GC(1) Pause Full (System.gc()): PT0.009686S
                PT0.743S GC(2) Pause Remark: PT0.000336S
                """, printed(() -> GcSnippets.printPauses(log)));
        assertEquals("""
                G1CollectForAllocation: PT0.00491988S stopped, PT0.000008116S of it reaching the safepoint
                PT0.00491988S stopped in all
                """, printed(() -> GcSnippets.printSafepoints(log)));
    }

    @Test
    void gcTraceLinesReadAsTheJavadocShowsThem() {
        assertEquals(List.of(
                "gc 12 @3.456s 2.1%: G1 G1New (G1 Evacuation Pause) 45M->12M(64M) pause 3.154ms",
                "gc 7 @2.108s 0.0%: ZGC concurrent ZGC Major Cycles (Warmup) 38M->64M(64M) 109.000ms, pause 0.000ms"),
                GcSnippets.formatLines());
        assertEquals(List.of(Collector.G1, Collector.ZGC, Collector.SHENANDOAH), GcSnippets.recognize());
    }

    @Test
    void samplingExamples() throws Throwable {
        String watched = SamplingSnippets.watch(Target.current(), Duration.ofMillis(5));
        assertTrue(watched.matches("[▁▂▃▄▅▆▇█]+ threads, .+ B/s allocated") && !watched.contains("NaN"), watched);

        try (Sampler sampler = Sampler.start(Target.current(), Duration.ofMillis(5), 100)) {
            Thread.sleep(50);
            String trend = printed(() -> SamplingSnippets.printHeapTrend(sampler));
            assertTrue(trend.contains(" heap ") && trend.contains("; allocating "), trend);
            assertTrue(printed(() -> SamplingSnippets.printLatest(sampler)).endsWith(" threads\n"));
        }
        assertEquals("▁▂▃▅█▅▃", SamplingSnippets.sparkline());
    }

    @Test
    void threadExamples() throws Throwable {
        String pools = printed(ThreadsSnippets::printPools);
        String ownPool = PoolNames.pool(Thread.currentThread().getName());
        assertTrue(pools.lines().anyMatch(line -> line.startsWith(ownPool + " ")), pools);
        String sources = printed(() -> ThreadsSnippets.printThreads(Target.current()));
        assertTrue(sources.contains("RUNNABLE=") && sources.contains("\ncontainer "), sources);

        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = Thread.ofPlatform().name("examples-waiter-", 1).start(() -> awaitQuietly(release));
        try {
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            String waiting = printed(ThreadsSnippets::printWaiting);
            assertTrue(waiting.contains("examples-waiter-1 of examples-waiter-* runs workbench.diagnostics.")
                    && waiting.contains(", waits on java.util.concurrent.CountDownLatch$Sync"), waiting);
        } finally {
            release.countDown();
            waiter.join();
        }
        assertEquals(List.of("pool-3-thread-*", "pool-*-thread-*", "main"), ThreadsSnippets.poolsOf());
    }

    @Test
    void varsExamples() throws Throwable {
        ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(10);
        queue.add("job");
        Vars vars = VarsSnippets.register(queue);
        VarsSnippets.countRequest(vars);
        VarsSnippets.handle(vars, queue, () -> { });
        VarsSnippets.timed(vars, () -> { });
        VarsSnippets.countResponse(vars, 200);

        assertTrue(printed(() -> VarsSnippets.printHelp(vars)).contains("queue_depth: Jobs waiting.\n"));
        String metrics = VarsSnippets.scrape(vars);
        for (String line : List.of("requests_total 2.0", "queue_depth 1.0", "in_flight 0.0",
                "responses_total{key=\"200\"} 2.0", "request_duration_seconds_count 2")) {
            assertTrue(metrics.contains(line + "\n"), line + " missing from\n" + metrics);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What an example returned and what it printed. */
    private record Run<T>(T result, String printed) {}

    private static String printed(Executable example) throws Throwable {
        return run(() -> {
            example.execute();
            return null;
        }).printed();
    }

    /** Runs an example with System.out captured; safe here, as surefire runs test classes one at a time. */
    private static <T> Run<T> run(ThrowingSupplier<T> example) throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        T result;
        try {
            result = example.get();
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertFalse(printed.isEmpty(), "the example printed nothing");
        return new Run<>(result, printed);
    }
}
