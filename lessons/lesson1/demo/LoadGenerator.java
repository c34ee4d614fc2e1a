package lesson1.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;

/** Sends a fixed number of GET requests from a few concurrent clients and counts this JVM's safepoints meanwhile. */
final class LoadGenerator {

    private LoadGenerator() {}

    static LoadReport run(URI uri, int requests, int clients) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (http; SafepointCounter counter = Safepoints.current()) {
            SafepointReading before = counter.read();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        if (!get(http, URI.create(uri + "?id=load-" + i))) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("load did not finish in 10 minutes");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            SafepointReading cost = counter.read().minus(before);
            return new LoadReport(requests, failed.get(), elapsed, cost.count(), cost.totalTime());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean get(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
