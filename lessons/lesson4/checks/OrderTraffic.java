package lesson4.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random mix of real requests to exercise {@code instrument-it}'s order service: orders created, read and
 * deleted, unknown ids, empty orders and wrong methods. It keeps what the service answered, as the truth its
 * variables must match.
 */
final class OrderTraffic implements AutoCloseable {

    private final URI base;
    private final Random random = new Random();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> open = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int sent;

    OrderTraffic(URI base) {
        this.base = base;
    }

    /** Sends {@code requests} requests, one at a time. */
    void send(int requests) throws IOException, InterruptedException {
        for (int i = 0; i < requests; i++) {
            int pick = random.nextInt(100);
            HttpRequest request;
            if (pick < 40 || open.isEmpty()) {
                request = post("item-" + random.nextInt(1000));
            } else if (pick < 45) {
                request = post("");
            } else if (pick < 65) {
                request = HttpRequest.newBuilder(order(someOpen())).build();
            } else if (pick < 75) {
                request = HttpRequest.newBuilder(order(unknown())).build();
            } else if (pick < 90) {
                request = HttpRequest.newBuilder(order(someOpen())).DELETE().build();
            } else if (pick < 95) {
                request = HttpRequest.newBuilder(order(unknown())).DELETE().build();
            } else {
                request = HttpRequest.newBuilder(base.resolve("orders")).PUT(HttpRequest.BodyPublishers.noBody())
                        .build();
            }
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
            sent++;
            if (response.statusCode() == 201) {
                open.add(response.body().strip());
            } else if (response.statusCode() == 204) {
                open.remove(request.uri().getPath().substring("/orders/".length()));
            }
        }
    }

    /** Requests sent so far. */
    int sent() {
        return sent;
    }

    /** How many answers the service gave with each status code. */
    Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /** Orders created and not deleted. */
    int open() {
        return open.size();
    }

    private HttpRequest post(String item) {
        return HttpRequest.newBuilder(base.resolve("orders")).POST(HttpRequest.BodyPublishers.ofString(item)).build();
    }

    private URI order(String id) {
        return base.resolve("orders/" + id);
    }

    private String someOpen() {
        return open.get(random.nextInt(open.size()));
    }

    private String unknown() {
        return "x" + random.nextInt(1_000_000);
    }

    @Override
    public void close() {
        http.close();
    }
}
