// Misconception: besides sharing the executor, client and consumer, caching each SKU's price is a harmless extra that removes most backend calls (and the threads they needed).
// Why a learner would believe it: with a steady backend every answer stays identical, the thread count is even flatter, and quotes get faster.
// What is actually right: a fix must not change what the service answers; a cached price goes stale the moment the backend's price changes, so every quote must still ask the backend.
package lesson3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Exercise {@code fix-the-leak} (lesson 3): a quote service that leaks threads on every request. Make the
 * thread count stay flat, keep every response exactly as it was, and keep auditing every quote.
 */
public final class QuoteService implements AutoCloseable {

    private final URI prices;
    private final Map<String, Integer> stock;
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Map<String, Long> priceCache = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("quote-worker-", 0).factory());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Thread auditor;

    /**
     * @param prices base address of the price backend: {@code GET prices/price?sku=X} answers the price in cents
     * @param stock  units in stock per SKU
     */
    public QuoteService(URI prices, Map<String, Integer> stock) {
        this.prices = prices;
        this.stock = Map.copyOf(stock);
        this.auditor = Thread.ofPlatform().daemon().name("audit").start(this::drainAudit);
    }

    /** A quote such as {@code A-17 x3 = 12.90 (in stock)}. */
    public String quote(String sku, int quantity) throws IOException, InterruptedException {
        Future<Long> price = workers.submit(() -> cachedPrice(sku));
        Future<Integer> available = workers.submit(() -> stock.getOrDefault(sku, 0));
        long total;
        int inStock;
        try {
            total = price.get() * quantity;
            inStock = available.get();
        } catch (ExecutionException e) {
            throw new IOException("quote for " + sku + " failed", e.getCause());
        }
        audit(sku + " x" + quantity);
        return "%s x%d = %d.%02d (%s)".formatted(sku, quantity, total / 100, total % 100,
                inStock >= quantity ? "in stock" : "backorder");
    }

    /** The quotes audited so far, oldest first. */
    public List<String> audited() {
        return List.copyOf(audited);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        auditor.interrupt();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            auditor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    /** A SKU's price does not change from one quote to the next: ask the backend once. */
    private long cachedPrice(String sku) throws IOException, InterruptedException {
        Long known = priceCache.get(sku);
        if (known != null) {
            return known;
        }
        long fetched = fetchPrice(sku);
        priceCache.putIfAbsent(sku, fetched);
        return fetched;
    }

    private long fetchPrice(String sku) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(prices.resolve("price?sku=" + sku)).build();
        return Long.parseLong(http.send(request, HttpResponse.BodyHandlers.ofString()).body().trim());
    }

    /** Hands the event to the consumer thread, so that a slow audit log never slows a quote down. */
    private void audit(String event) {
        events.add(event);
    }

    private void drainAudit() {
        try {
            while (true) {
                audited.add(events.take());
            }
        } catch (InterruptedException e) {
            // closed: nothing more to audit
        }
    }
}
