package lesson4.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoublePredicate;
import lesson4.HealthGauges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code cheap-gauges}: the learner's gauges are served by a {@link VarsServer} in this
 * JVM and scraped over HTTP by four concurrent scrapers, counting this JVM's safepoints; then the check blocks
 * threads, deadlocks two, and retains and frees heap, and each gauge must report the change within a second.
 */
class CheapGaugesCheck {

    private static final String SCRAPE = "Lesson 4, 'A scrape runs your gauges', and lesson 1, 'What stops the world'";
    private static final String FRESH = "Lesson 4, 'A scrape runs your gauges': a timer bounds how old a value is";
    private static final String KEEP = "Lesson 4, 'A scrape runs your gauges': make a gauge cheap, never drop it";
    private static final int SCRAPERS = 4;
    private static final int SCRAPES = 800;
    /** At most one safepoint per this many scrapes: room for the collections that scraping itself causes. */
    private static final int SCRAPES_PER_SAFEPOINT = 50;
    /** Plus this many per second: room for a timer that keeps a stop-the-world reading fresh. */
    private static final int SAFEPOINTS_PER_SECOND = 3;
    private static final long BUDGET_NANOS = 4_000_000_000L;
    private static final long FRESH_MILLIS = 1_000;
    /** Room for a busy two-core machine on top of the promised second. */
    private static final long MARGIN_MILLIS = 1_500;
    private static final long MEGABYTE = 1024 * 1024;

    private final Random random = new Random();
    private Vars vars;
    private HealthGauges gauges;
    private VarsServer server;
    private Scrape scrape;

    @BeforeEach
    void serveTheGauges() throws Exception {
        vars = new Vars();
        gauges = new HealthGauges(vars);
        server = VarsServer.start(vars, 0);
        scrape = new Scrape(server.uri(), SCRAPE);
    }

    @AfterEach
    void stop() {
        scrape.close();
        server.close();
        gauges.close();
    }

    @Test
    void scrapesCostAboutNoSafepoint() throws Exception {
        for (int i = 0; i < 20; i++) {
            scrape.metrics();
        }
        AtomicInteger scrapes = new AtomicInteger();
        long safepoints;
        double seconds;
        try (SafepointCounter counter = Safepoints.current();
             ExecutorService scrapers = Executors.newFixedThreadPool(SCRAPERS)) {
            long before = counter.count();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SCRAPERS; i++) {
                running.add(scrapers.submit(() -> {
                    while (scrapes.get() < SCRAPES && System.nanoTime() - start < BUDGET_NANOS) {
                        scrape.metrics();
                        scrapes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> scraper : running) {
                scraper.get();
            }
            safepoints = counter.count() - before;
            seconds = (System.nanoTime() - start) / 1e9;
        }
        double allowed = (double) scrapes.get() / SCRAPES_PER_SAFEPOINT + seconds * SAFEPOINTS_PER_SECOND;
        Feedback.check(safepoints <= allowed, String.format(Locale.ROOT,
                "While %d concurrent scrapers read your gauges %,d times in %.1f s, this JVM stopped the world %,d"
                        + " times (%.2f per scrape). At most one per %d scrapes is allowed, plus %d per second for a"
                        + " timer.", SCRAPERS, scrapes.get(), seconds, safepoints, (double) safepoints / scrapes.get(),
                SCRAPES_PER_SAFEPOINT, SAFEPOINTS_PER_SECOND), SCRAPE);
    }

    @Test
    void reportsBlockedThreadsWithinASecond() throws Exception {
        double before = gauge("threads_blocked");
        int count = 3 + random.nextInt(6);
        Object monitor = new Object();
        List<Thread> blocked = new ArrayList<>();
        synchronized (monitor) {
            for (int i = 0; i < count; i++) {
                blocked.add(Thread.ofPlatform().daemon().name("check-blocked-" + i).start(() -> {
                    synchronized (monitor) {
                        // Entering is all it does: until the check lets go, the thread stays BLOCKED.
                    }
                }));
            }
            for (Thread thread : blocked) {
                while (thread.getState() != Thread.State.BLOCKED) {
                    Thread.sleep(1);
                }
            }
            awaitGauge("threads_blocked", v -> v >= before + count, count + " threads blocked on a monitor"
                    + " (there were " + (long) before + " before)");
        }
        for (Thread thread : blocked) {
            thread.join();
        }
    }

    @Test
    void reportsDeadlocksAndTheirEndWithinASecond() throws Exception {
        double before = gauge("threads_deadlocked");
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CountDownLatch holding = new CountDownLatch(2);
        List<Thread> pair = List.of(deadlocker("check-deadlock-a", first, second, holding),
                deadlocker("check-deadlock-b", second, first, holding));
        awaitGauge("threads_deadlocked", v -> v >= before + 2, "two threads each holding the lock the other"
                + " waits for (" + (long) before + " deadlocked before)");
        pair.forEach(Thread::interrupt);
        for (Thread thread : pair) {
            thread.join();
        }
        awaitGauge("threads_deadlocked", v -> v <= before, "the deadlock broken, its two threads ended");
    }

    @Test
    void reportsLiveHeapAfterEachCollection() throws Exception {
        System.gc();
        Thread.sleep(50);
        double before = gauge("heap_live_bytes");
        long megabytes = 24 + random.nextInt(25);
        List<byte[]> retained = new ArrayList<>();
        for (int i = 0; i < megabytes * 16; i++) {
            retained.add(new byte[(int) MEGABYTE / 16]);
        }
        System.gc();
        awaitGauge("heap_live_bytes", v -> v >= before + megabytes * MEGABYTE * 0.8, megabytes + " MB more"
                + " retained and a collection since");
        retained.clear();
        System.gc();
        awaitGauge("heap_live_bytes", v -> v <= before + megabytes * MEGABYTE * 0.5, "those " + megabytes
                + " MB let go and a collection since");
    }

    private static Thread deadlocker(String name, ReentrantLock mine, ReentrantLock theirs,
                                     CountDownLatch holding) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            mine.lock();
            try {
                holding.countDown();
                holding.await();
                theirs.lockInterruptibly();
                theirs.unlock();
            } catch (InterruptedException e) {
                // the check broke the deadlock
            } finally {
                mine.unlock();
            }
        });
    }

    /** The gauge's value in one scrape; fails when the gauge is missing. */
    private double gauge(String name) {
        Double value = scrape.metrics().get(name);
        Feedback.check(value != null, "`/metrics` has no gauge `" + name + "`.", KEEP);
        return value;
    }

    /** Scrapes until the gauge satisfies {@code wanted}, for the promised second plus a margin. */
    private void awaitGauge(String name, DoublePredicate wanted, String change) throws InterruptedException {
        long start = System.nanoTime();
        double value = gauge(name);
        while (!wanted.test(value)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Feedback.check(millis < FRESH_MILLIS + MARGIN_MILLIS, String.format(Locale.ROOT,
                    "With %s, your gauge `%s` still said %,.0f after %,d ms.", change, name, value, millis), FRESH);
            Thread.sleep(20);
            value = gauge(name);
        }
    }
}
