package lesson3.checks;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import workbench.harness.Feedback;

/**
 * Quotes sent to a service against a {@link PriceBackend}, each answer checked against what the original service
 * answers at that moment. Every 20th quote first changes the price of the SKU quoted just before it and asks for
 * that SKU again, so that a price kept from an earlier quote is caught in every run. Quotes also come from 32 to 48
 * callers at once, as a service's requests do: those callers' threads are started with the load, before any
 * {@link StartedThreads} watch, so that they never count as the service's.
 */
final class QuoteLoad implements AutoCloseable {

    static final String SAME = "Lesson 3, 'Fixing a leak': the fix changes who runs the work, never what the service"
            + " answers";

    /** How long the backend takes to answer while callers quote at once. */
    static final int LATENCY_MILLIS = 15;

    private final Random random = new Random();
    private final Map<String, Integer> stock = new HashMap<>();
    private final List<String> skus = new ArrayList<>();
    private final PriceBackend backend;
    private final ThreadPoolExecutor callers;
    private String lastSku;

    QuoteLoad() throws Exception {
        Map<String, Long> prices = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String sku = (char) ('A' + random.nextInt(26)) + "-" + (10 + random.nextInt(90)) + i;
            skus.add(sku);
            prices.put(sku, 50L + random.nextInt(20_000));
            stock.put(sku, random.nextInt(25));
        }
        backend = new PriceBackend(prices);
        int count = 32 + random.nextInt(17);
        callers = (ThreadPoolExecutor) Executors.newFixedThreadPool(count,
                Thread.ofPlatform().daemon().name("quote-caller-", 0).factory());
        callers.prestartAllCoreThreads();
    }

    /** How many callers {@link #concurrent} quotes from at once. */
    int callers() {
        return callers.getCorePoolSize();
    }

    /** The backend's address, as the service's constructor takes it. */
    URI prices() {
        return backend.base();
    }

    /** Units in stock per SKU, as the service's constructor takes them. */
    Map<String, Integer> stock() {
        return new HashMap<>(stock);
    }

    /** Sends {@code count} quotes back to back; returns the audit events they should leave. */
    List<String> burst(Quotes service, int count, StartedThreads watch) throws Exception {
        return send(service, count, 0, watch);
    }

    /** Sends {@code count} quotes, 25 to 50 ms apart; returns the audit events they should leave. */
    List<String> paced(Quotes service, int count, StartedThreads watch) throws Exception {
        return send(service, count, 25, watch);
    }

    /**
     * Sends {@code each} quotes from each of {@link #callers()} callers, all at once, while no price changes and the
     * backend takes {@value #LATENCY_MILLIS} ms to answer.
     */
    void concurrent(Quotes service, int each, StartedThreads watch) throws Exception {
        backend.latency(LATENCY_MILLIS);
        try {
            concurrently(service, each, watch);
        } finally {
            backend.latency(0);
        }
    }

    /** Sends one quote from each of {@link #callers()} callers, all at once, as soon as the backend answers. */
    void atOnce(Quotes service, StartedThreads watch) throws Exception {
        concurrently(service, 1, watch);
    }

    private void concurrently(Quotes service, int each, StartedThreads watch) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sent = new ArrayList<>();
        for (int c = 0; c < callers(); c++) {
            Random mine = new Random(random.nextLong());
            sent.add(callers.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    String sku = skus.get(mine.nextInt(skus.size()));
                    int quantity = 1 + mine.nextInt(20);
                    String answer = service.quote(sku, quantity);
                    watch.sample();
                    if (!original(sku, quantity).equals(answer)) {
                        throw Feedback.fail("A quote of " + quantity + " x " + sku + ", sent while " + callers()
                                + " callers were quoting at once, was answered `" + answer + "`, which is not what"
                                + " the original service answers at that moment.", SAME);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> caller : sent) {
            try {
                caller.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private List<String> send(Quotes service, int count, int minGapMillis, StartedThreads watch) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (minGapMillis > 0) {
                TimeUnit.MILLISECONDS.sleep(minGapMillis + random.nextInt(minGapMillis + 1));
            }
            String sku = skus.get(random.nextInt(skus.size()));
            if (i % 20 == 0 && lastSku != null) {
                sku = lastSku;
                backend.setPrice(sku, backend.price(sku) + 1 + random.nextInt(500));
            }
            int quantity = 1 + random.nextInt(20);
            String answer = service.quote(sku, quantity);
            watch.sample();
            if (!original(sku, quantity).equals(answer)) {
                Feedback.fail("A quote of " + quantity + " x " + sku + " was answered `" + answer + "`, which is not"
                        + " what the original service answers at that moment" + (i % 20 == 0 ? ", just after the"
                        + " backend changed that SKU's price" : "") + ".", SAME);
            }
            events.add(sku + " x" + quantity);
            lastSku = sku;
        }
        return events;
    }

    /** What the service answered before any fix. */
    private String original(String sku, int quantity) {
        long total = backend.price(sku) * quantity;
        return "%s x%d = %d.%02d (%s)".formatted(sku, quantity, total / 100, total % 100,
                stock.getOrDefault(sku, 0) >= quantity ? "in stock" : "backorder");
    }

    @Override
    public void close() {
        callers.shutdownNow();
        backend.close();
    }
}
