// Misconception: an HttpClient created inside fetchPrice is a local object, so once the method returns it is garbage and its threads go with it; only the executor and the audit consumers need fixing.
// Why a learner would believe it: the client is never stored anywhere, unlike the executor it holds no task, and Java "cleans up unreachable objects".
// What is actually right: each HttpClient starts its own selector thread that lives until the client is collected (whenever a GC gets to it), so one client per request piles up threads; share one client and close it in close().
package lesson3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
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
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("quote-worker-", 0).factory());
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
        Future<Long> price = workers.submit(() -> fetchPrice(sku));
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
    }

    private long fetchPrice(String sku) throws IOException, InterruptedException {
        // a local client: unreachable as soon as this method returns, so the GC takes care of it
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
