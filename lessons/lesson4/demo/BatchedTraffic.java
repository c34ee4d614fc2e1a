package lesson4.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The batched endpoint's own traffic ({@link Plan.Role#BATCHED}): a partner's sync that pulls it in pages, a batch
 * at a time, and a misconfigured probe that calls it without a page, again and again. The endpoint answers every
 * page and fails every probe.
 */
final class BatchedTraffic implements AutoCloseable {

    /** The query a page request carries; a request without it is the probe's. */
    static final String PAGE = "page=";
    private static final int AT_ONCE = 8;

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("storefront-partner").factory());

    private ScheduledFuture<?> batches;

    BatchedTraffic(URI endpoint) {
        this.endpoint = endpoint;
    }

    void start() {
        timer.scheduleAtFixedRate(this::probe, 0, Plan.PROBE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        nextBatchIn(Plan.PROBE_EVERY_MILLIS / 2);
    }

    /** Moves the batches so that the next one starts in {@code millis}, and the others follow at their period. */
    synchronized void nextBatchIn(long millis) {
        if (batches != null) {
            batches.cancel(false);  // a batch under way finishes; the timer's one thread keeps batches apart
        }
        batches = timer.scheduleAtFixedRate(this::batch, millis, Plan.BATCH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        send(endpoint).join();
    }

    /**
     * Every page of a batch, {@link #AT_ONCE} at a time so that it takes a few milliseconds, not a connection per
     * page; back only when all are answered, so batches never overlap.
     */
    private void batch() {
        for (int first = 0; first < Plan.BATCH_SIZE; first += AT_ONCE) {
            CompletableFuture<?>[] pages = new CompletableFuture<?>[Math.min(AT_ONCE, Plan.BATCH_SIZE - first)];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = send(URI.create(endpoint + "?" + PAGE + (first + i)));
            }
            CompletableFuture.allOf(pages).join();
        }
    }

    private CompletableFuture<?> send(URI uri) {
        return http.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .exceptionally(e -> null);  // the shop closing under a request: nothing left to count
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.close();
    }
}
