package lesson4.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a batch of requests to a {@link Storefront}, each endpoint getting its exact share of the batch, in
 * random order, from a few concurrent clients. Exact shares keep every error count predictable for a check.
 */
final class Traffic implements AutoCloseable {

    private static final int CLIENTS = 4;

    private final URI base;
    private final Plan plan;
    private final Random random = new Random();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS,
            Thread.ofPlatform().daemon().name("storefront-client-", 0).factory());

    Traffic(URI base, Plan plan) {
        this.base = base;
        this.plan = plan;
    }

    /** Sends about {@code requests} requests (each share rounded) and returns how many were sent. */
    int send(int requests) throws InterruptedException {
        List<String> paths = new ArrayList<>();
        for (Plan.Endpoint endpoint : plan.endpoints()) {
            paths.addAll(Collections.nCopies((int) Math.round(endpoint.share() * requests), endpoint.name()));
        }
        Collections.shuffle(paths, random);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(() -> {
                for (int at = next.getAndIncrement(); at < paths.size(); at = next.getAndIncrement()) {
                    get(paths.get(at));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the storefront did not answer", e.getCause());
            }
        }
        return paths.size();
    }

    private void get(String path) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        clients.shutdownNow();
        http.close();
    }
}
