package lesson4.checks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import workbench.diagnostics.vars.Gauge;
import workbench.diagnostics.vars.Vars;

/**
 * Scrapers of a set of gauges, the way production reads them: a few Prometheus-like scrapers over HTTP at a steady
 * pace, or a burst of readers calling every gauge as fast as they can, as many dashboards and a {@code watch curl}
 * would. Each returns how many scrapes it made.
 */
final class ScrapeLoad {

    /** Name prefix of the burst's reader threads: what they ask for is the scrape path's cost. */
    static final String READER_PREFIX = "scraper-";
    static final int SCRAPERS = 4;

    private ScrapeLoad() {}

    /** {@link #SCRAPERS} scrapers each GET {@code metrics} every {@code periodMillis} for {@code seconds}. */
    static long paced(URI vars, long periodMillis, double seconds) throws Exception {
        HttpRequest scrape = HttpRequest.newBuilder(vars.resolve("metrics")).build();
        AtomicLong scrapes = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (ExecutorService clients = Executors.newFixedThreadPool(SCRAPERS,
                Thread.ofPlatform().daemon().name("check-http-", 0).factory());
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clients).build();
             ExecutorService scrapers = Executors.newFixedThreadPool(SCRAPERS,
                     Thread.ofPlatform().daemon().name("check-scraper-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SCRAPERS; i++) {
                long offset = periodMillis * 1_000_000 * i / SCRAPERS;
                running.add(scrapers.submit(() -> {
                    for (long next = System.nanoTime() + offset; next < end; next += periodMillis * 1_000_000) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        http.send(scrape, HttpResponse.BodyHandlers.discarding());
                        scrapes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> scraper : running) {
                scraper.get();
            }
        }
        return scrapes.get();
    }

    /**
     * {@code scrapers} threads that arrive together, {@code rounds} times {@code gapMillis} apart, and each read every
     * gauge of {@code vars} once a round, in an order of its own: Prometheus servers of a pair and dashboards that
     * refresh on the same beat, after a gap longer than any gauge's value may be old.
     */
    static long together(Vars vars, int scrapers, int rounds, long gapMillis) throws Exception {
        List<Gauge> gauges = vars.all().stream().filter(Gauge.class::isInstance).map(Gauge.class::cast).toList();
        AtomicLong scrapes = new AtomicLong();
        CyclicBarrier arrive = new CyclicBarrier(scrapers);
        long first = System.nanoTime();
        try (ExecutorService readers = Executors.newFixedThreadPool(scrapers,
                Thread.ofPlatform().daemon().name(READER_PREFIX, 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < scrapers; i++) {
                running.add(readers.submit(() -> {
                    List<Gauge> order = new ArrayList<>(gauges);
                    for (int round = 0; round < rounds; round++) {
                        LockSupport.parkNanos(first + round * gapMillis * 1_000_000 - System.nanoTime());
                        Collections.shuffle(order, ThreadLocalRandom.current());
                        arrive.await();
                        for (Gauge gauge : order) {
                            gauge.get();
                        }
                        scrapes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> reader : running) {
                reader.get();
            }
        }
        return scrapes.get();
    }

    /** {@link #SCRAPERS} threads read every gauge of {@code vars} in a loop for {@code seconds}. */
    static long burst(Vars vars, double seconds) throws Exception {
        List<Gauge> gauges = vars.all().stream().filter(Gauge.class::isInstance).map(Gauge.class::cast).toList();
        AtomicLong scrapes = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (ExecutorService readers = Executors.newFixedThreadPool(SCRAPERS,
                Thread.ofPlatform().daemon().name(READER_PREFIX, 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SCRAPERS; i++) {
                running.add(readers.submit(() -> {
                    while (System.nanoTime() < end) {
                        for (Gauge gauge : gauges) {
                            gauge.get();
                        }
                        scrapes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> reader : running) {
                reader.get();
            }
        }
        return scrapes.get();
    }
}
