package lesson1.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import lesson1.StatusPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code fix-hot-path}: the learner's status page must answer like the original
 * ({@link lesson1.demo.StatusPage}, run in the same JVM for comparison), serve at least five times as many
 * requests, stop the world at most once per 1,000 requests, and report changes within 200 ms.
 */
class FixHotPathCheck {

    private static final String HOT_PATH = "Lesson 1, page 'Keep it off the hot path'";
    private static final String FIELDS = HOT_PATH + ": the fix moves the reads, the response keeps every field";
    private static final String STOPS = "Lesson 1, page 'What stops the world', then " + HOT_PATH;
    private static final String FRESH = HOT_PATH + ": a background sampler with a bounded period";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MEGABYTE = 1024 * 1024;
    private static final long STALENESS_MILLIS = 200;
    /** Room for a busy two-core machine: scheduling delays, a GC, the polling interval. */
    private static final long MARGIN_MILLIS = 250;
    /** Caps on a burst, so that a page as slow as the original still finishes in time. */
    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long BURST_NANOS = 2_500_000_000L;

    private final Random random = new Random();

    /** Requests served by one page: how many, how long they took, how often the JVM stopped meanwhile. */
    private record Run(int requests, long nanos, long safepoints) {
        double perSecond() {
            return requests / (nanos / 1e9);
        }
    }

    @Test
    void keepsEveryField() throws Exception {
        String id = "probe-" + HexFormat.of().toHexDigits(random.nextInt());
        JsonNode original;
        try (lesson1.demo.StatusPage page = new lesson1.demo.StatusPage()) {
            original = JSON.readTree(page.render(id));
        }
        try (StatusPage page = new StatusPage()) {
            page.render("warm-up");
            Thread.sleep(2 * STALENESS_MILLIS);
            String body = page.render(id);
            JsonNode yours = parse(body);
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
            long threads = ManagementFactory.getThreadMXBean().getThreadCount();
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

    @Test
    void servesAtLeastFiveTimesAsManyRequests() {
        Run original;
        try (lesson1.demo.StatusPage page = new lesson1.demo.StatusPage()) {
            serve(page::render, 5, WARM_UP_NANOS);
            original = serve(page::render, 30 + random.nextInt(21), BURST_NANOS);
        }
        Run yours;
        try (StatusPage page = new StatusPage()) {
            serve(page::render, 1_000, WARM_UP_NANOS);
            yours = serve(page::render, 20_000 + random.nextInt(10_000), BURST_NANOS);
        }
        double factor = yours.perSecond() / original.perSecond();
        Feedback.check(factor >= 5, String.format(Locale.ROOT,
                "In this run your page served %.0f requests per second and the original %.0f: %.1f times as many,"
                        + " less than the 5 times asked for.", yours.perSecond(), original.perSecond(), factor),
                HOT_PATH);
    }

    @Test
    void stopsTheWorldAtMostOncePerThousandRequests() {
        Run yours;
        try (StatusPage page = new StatusPage()) {
            serve(page::render, 1_000, WARM_UP_NANOS);
            yours = serve(page::render, 20_000 + random.nextInt(10_000), BURST_NANOS);
        }
        Feedback.check(yours.safepoints() * 1_000 <= yours.requests(), String.format(Locale.ROOT,
                "While your page served %,d requests, this JVM stopped the world %,d times (%.1f per 1,000"
                        + " requests; at most 1 is allowed).", yours.requests(), yours.safepoints(),
                yours.safepoints() * 1000.0 / yours.requests()), STOPS);
    }

    @Test
    @DisplayName("reports changes within 200 ms")
    void reportsChangesWithin200Milliseconds() throws InterruptedException {
        int newThreads = 4 + random.nextInt(12);
        int megabytes = 32 + random.nextInt(33);
        try (StatusPage page = new StatusPage()) {
            page.render("warm-up");
            System.gc();
            long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Thread.sleep(2 * STALENESS_MILLIS);
            JsonNode before = parse(page.render("before"));
            Object monitor = new Object();
            List<Thread> blocked = new ArrayList<>();
            List<byte[]> retained = new ArrayList<>();
            Freshness freshness;
            synchronized (monitor) {
                for (int i = 0; i < newThreads; i++) {
                    Thread thread = Thread.ofPlatform().daemon().name("check-blocked-" + i).start(() -> {
                        synchronized (monitor) {
                            // Entering is all it does: until the check lets go, the thread stays BLOCKED.
                        }
                    });
                    blocked.add(thread);
                }
                for (Thread thread : blocked) {
                    while (thread.getState() != Thread.State.BLOCKED) {
                        Thread.sleep(1);
                    }
                }
                for (int i = 0; i < megabytes * 16; i++) {
                    retained.add(new byte[(int) MEGABYTE / 16]);
                }
                long changed = System.nanoTime();
                long heapWithRetained = liveHeap + megabytes * MEGABYTE * 8 / 10;
                freshness = awaitReported(page, before, heapWithRetained, newThreads, changed);
            }
            for (Thread thread : blocked) {
                thread.join();
            }
            Feedback.check(freshness.lagMillis() >= 0, String.format(Locale.ROOT,
                    "The check started %d threads that stayed blocked and retained %d MB more heap; 2 seconds"
                            + " later your page's %s still showed the state from before.", newThreads,
                    retained.size() / 16, String.join(", ", freshness.stale())), FRESH);
            Feedback.check(freshness.lagMillis() <= STALENESS_MILLIS + MARGIN_MILLIS, String.format(Locale.ROOT,
                    "The check started %d blocked threads and retained %d MB more heap; your page reported it"
                            + " %d ms later, older than the 200 ms promised (%d ms allowed for a busy machine).",
                    newThreads, megabytes, freshness.lagMillis(), STALENESS_MILLIS + MARGIN_MILLIS), FRESH);
        }
    }

    /**
     * How soon the page showed a change.
     *
     * @param lagMillis time from the change to the first response that showed it, or -1 after 2 seconds
     * @param stale the figures that still showed the old state at the last poll
     */
    private record Freshness(long lagMillis, List<String> stale) {}

    /** Polls the page until it reports the new threads and at least {@code heap} bytes of heap in use. */
    private static Freshness awaitReported(StatusPage page, JsonNode before, long heap, int newThreads,
                                           long changed) throws InterruptedException {
        long live = before.path("liveThreads").asLong() + newThreads / 2 + 1;
        long blocked = before.path("blockedThreads").asLong() + newThreads / 2 + 1;
        List<String> stale = List.of();
        for (int poll = 0; System.nanoTime() - changed < 2_000_000_000L; poll++) {
            JsonNode now = parse(page.render("poll-" + poll));
            stale = new ArrayList<>();
            if (now.path("liveThreads").asLong() < live) {
                stale.add("liveThreads");
            }
            if (now.path("blockedThreads").asLong() < blocked) {
                stale.add("blockedThreads");
            }
            if (now.path("heapUsedBytes").asLong() < heap) {
                stale.add("heapUsedBytes");
            }
            if (stale.isEmpty()) {
                return new Freshness((System.nanoTime() - changed) / 1_000_000, stale);
            }
            Thread.sleep(5);
        }
        return new Freshness(-1, stale);
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

    /** Renders {@code requests} times, or as many as fit in {@code budgetNanos}, counting this JVM's safepoints. */
    private static Run serve(Function<String, String> render, int requests, long budgetNanos) {
        try (SafepointCounter counter = Safepoints.current()) {
            long safepoints = counter.count();
            long start = System.nanoTime();
            int served = 0;
            while (served < requests && System.nanoTime() - start < budgetNanos) {
                render.apply("r-" + served);
                served++;
            }
            return new Run(served, System.nanoTime() - start, counter.count() - safepoints);
        }
    }
}
