package lesson4.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends requests to a {@link Storefront} from a few concurrent clients, interleaving the endpoints by their shares
 * (smooth weighted round robin): in any run of requests, each endpoint gets its share give or take one or two, so
 * that the error counts of any window of a second or two follow the plan closely. An endpoint with no share (the
 * batched one) gets none of these requests.
 */
final class Traffic implements AutoCloseable {

    private static final int CLIENTS = 4;

    private final URI base;
    private final List<Plan.Endpoint> endpoints;
    /** How much each endpoint is owed: every request adds its share, and the most owed goes next and pays one back. */
    private final double[] owed;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS,
            Thread.ofPlatform().daemon().name("storefront-client-", 0).factory());

    Traffic(URI base, Plan plan) {
        this.base = base;
        this.endpoints = plan.endpoints();
        this.owed = new double[endpoints.size()];
    }

    /** Sends the next {@code requests} requests and returns, once all are answered, how many it sent. */
    int send(int requests) throws InterruptedException {
        List<String> paths = deal(requests);
        List<Future<?>> running = new ArrayList<>();
        for (String path : paths) {
            running.add(clients.submit(() -> get(path)));
        }
        for (Future<?> request : running) {
            try {
                request.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the storefront did not answer", e.getCause());
            }
        }
        return paths.size();
    }

    private synchronized List<String> deal(int requests) {
        List<String> paths = new ArrayList<>();
        for (int n = 0; n < requests; n++) {
            int next = -1;
            for (int i = 0; i < owed.length; i++) {
                owed[i] += endpoints.get(i).share();
                if (endpoints.get(i).share() > 0 && (next < 0 || owed[i] > owed[next])) {
                    next = i;
                }
            }
            owed[next] -= 1;
            paths.add(endpoints.get(next).name());
        }
        return paths;
    }

    private Void get(String path) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
        return null;
    }

    @Override
    public void close() {
        clients.shutdownNow();
        http.close();
    }
}
