package lesson3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Exercise {@code fix-the-leak} (lesson 3): a quote service that leaks threads on every request. Make the
 * thread count stay flat, keep every response exactly as it was, and keep auditing every quote.
 *
 * <p>Check it with {@code /check} or {@code ./workbench check fix-the-leak}.
 */
public final class QuoteService implements AutoCloseable {

    private final URI prices;
    private final Map<String, Integer> stock;
    private final List<String> audited = new CopyOnWriteArrayList<>();
    /** One client for the service: it is thread-safe, and its selector thread lives until it is closed. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** One queue and one consumer for the whole service. */
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Thread auditor;

    /**
     * @param prices base address of the price backend: {@code GET prices/price?sku=X} answers the price in cents
     * @param stock  units in stock per SKU
     */
    public QuoteService(URI prices, Map<String, Integer> stock) {
        this.prices = prices;
        this.stock = Map.copyOf(stock);
        this.auditor = Thread.ofPlatform().daemon().name("audit").start(this::drainEvents);
    }

    /** A quote such as {@code A-17 x3 = 12.90 (in stock)}. */
    public String quote(String sku, int quantity) throws IOException, InterruptedException {
        long total;
        int inStock;
        // The pool is closed when the request is done (ExecutorService is AutoCloseable): nothing outlives the call.
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            Future<Long> price = workers.submit(() -> fetchPrice(sku));
            Future<Integer> available = workers.submit(() -> stock.getOrDefault(sku, 0));
            try {
                total = price.get() * quantity;
                inStock = available.get();
            } catch (ExecutionException e) {
                throw new IOException("quote for " + sku + " failed", e.getCause());
            }
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
        http.close();
        auditor.interrupt();
        try {
            auditor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long fetchPrice(String sku) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(prices.resolve("price?sku=" + sku)).build();
        return Long.parseLong(http.send(request, HttpResponse.BodyHandlers.ofString()).body().trim());
    }

    /** Hands the event to the consumer thread, so that a slow audit log never slows a quote down. */
    private void audit(String event) {
        events.add(event);
    }

    private void drainEvents() {
        try {
            while (true) {
                audited.add(events.take());
            }
        } catch (InterruptedException e) {
            // closed: audit what is still queued, then end
            List<String> rest = new ArrayList<>();
            events.drainTo(rest);
            audited.addAll(rest);
        }
    }
}
