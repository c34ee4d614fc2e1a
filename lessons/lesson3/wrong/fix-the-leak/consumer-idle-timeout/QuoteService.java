// Misconception: the audit consumer leaks only because take() waits forever; giving it an idle timeout (poll) makes it end by itself, like a cached pool's keep-alive, so a consumer per request is fine.
// Why a learner would believe it: the lesson says threads waiting with a timeout "wake up by themselves" and are never reported by LeakProfile, and every event still gets audited.
// What is actually right: a thread per request that lingers for its timeout still makes the thread count climb under load; use one long-lived consumer for the whole service, stopped in close().
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

    /** How long an audit consumer stays around for more events before it ends. */
    private static final long AUDIT_IDLE_MILLIS = 1_000;

    private final URI prices;
    private final Map<String, Integer> stock;
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            Thread.ofPlatform().name("quote-worker-", 0).factory());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * @param prices base address of the price backend: {@code GET prices/price?sku=X} answers the price in cents
     * @param stock  units in stock per SKU
     */
    public QuoteService(URI prices, Map<String, Integer> stock) {
        this.prices = prices;
        this.stock = Map.copyOf(stock);
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
        workers.shutdown();
        http.close();
    }

    private long fetchPrice(String sku) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(prices.resolve("price?sku=" + sku)).build();
        return Long.parseLong(http.send(request, HttpResponse.BodyHandlers.ofString()).body().trim());
    }

    /** Hands the event to a consumer thread, so that a slow audit log never slows a quote down. */
    private void audit(String event) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("audit").start(() -> {
            try {
                String next;
                // no more take() forever: an idle consumer ends by itself
                while ((next = events.poll(AUDIT_IDLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    audited.add(next);
                }
            } catch (InterruptedException e) {
                // closed: nothing more to audit
            }
        });
        events.add(event);
    }
}
