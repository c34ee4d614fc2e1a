package lesson4.checks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real requests to exercise {@code instrument-it}'s order service, from four concurrent clients: orders created,
 * read and deleted, unknown ids, empty orders, wrong methods, bodies that pause half way, clients that leave before
 * their body is sent, and a client that reads a large answer late while other requests come and go. It keeps what
 * the service answered, and how long the clients waited, as the truth its variables must match.
 */
final class OrderTraffic implements AutoCloseable {

    private static final int CLIENTS = 4;

    private final URI base;
    private final RawHttp raw;
    private final Random random = new Random();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS,
            Thread.ofPlatform().daemon().name("check-orders-client-", 0).factory());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> open = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private int abandoned;
    private double waitedSeconds;
    private double pausedSeconds;
    private double stalledSeconds;

    OrderTraffic(URI base) {
        this.base = base;
        this.raw = new RawHttp(base);
    }

    /** {@code n} orders posted at once, about one in six with an empty body (400). */
    void creates(int n) throws Exception {
        List<Callable<Void>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String item = random.nextInt(6) == 0 ? "" : "item-" + random.nextInt(1000);
            requests.add(() -> send(post(item)));
        }
        concurrently(requests);
    }

    /** {@code n} requests at once: reads of stored and unknown orders, deletes of stored ones, wrong methods. */
    void mixed(int n) throws Exception {
        List<Callable<Void>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(100);
            String known = someOpen();
            HttpRequest request;
            if (known != null && pick < 40) {
                request = HttpRequest.newBuilder(order(known)).build();
            } else if (pick < 60) {
                request = HttpRequest.newBuilder(order(unknown())).build();
            } else if (known != null && pick < 85) {
                request = HttpRequest.newBuilder(order(known)).DELETE().build();
            } else {
                request = HttpRequest.newBuilder(base.resolve("orders")).PUT(HttpRequest.BodyPublishers.noBody())
                        .build();
            }
            requests.add(() -> send(request));
        }
        concurrently(requests);
    }

    /** Deletes of {@code n} stored orders at once (204). */
    void deletes(int n) throws Exception {
        List<Callable<Void>> requests = new ArrayList<>();
        for (String id : someOpen(n)) {
            requests.add(() -> send(HttpRequest.newBuilder(order(id)).DELETE().build()));
        }
        concurrently(requests);
    }

    /** Deletes of {@code n} ids that were never stored, at once (404). */
    void unknownDeletes(int n) throws Exception {
        List<Callable<Void>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = unknown();
            requests.add(() -> send(HttpRequest.newBuilder(order(id)).DELETE().build()));
        }
        concurrently(requests);
    }

    /** {@code n} orders whose bodies pause {@code pauseMillis} half way, two at a time (201). */
    void pausedCreates(int n, long pauseMillis) throws Exception {
        for (int i = 0; i < n; i += 2) {
            List<Callable<Void>> pair = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + 2); j++) {
                pair.add(() -> {
                    long start = System.nanoTime();
                    RawHttp.Answer answer = raw.postPausing("orders", "item-" + random.nextInt(1000), pauseMillis);
                    answered(answer.status(), answer.body(), "", start);
                    synchronized (this) {
                        pausedSeconds += pauseMillis / 1e3;
                    }
                    return null;
                });
            }
            concurrently(pair);
        }
    }

    /** {@code n} clients that start posting an order and leave before its body is sent; the handler throws. */
    void abandonedCreates(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            raw.postAndLeave("orders", "item-" + random.nextInt(1000));
            synchronized (this) {
                abandoned++;
                waitedSeconds += (System.nanoTime() - start) / 1e9;
            }
        }
    }

    /**
     * Stores an order of {@code bytes} characters, then reads it with a client that takes the answer's head and
     * leaves the body unread for {@code stallMillis}: meanwhile requests answered 404, 405 and 400 come and go.
     * Returns the order's id.
     */
    String lateReaderOfALargeOrder(int bytes, long stallMillis) throws Exception {
        send(post("x".repeat(bytes)));
        String id;
        synchronized (this) {
            id = open.getLast();
        }
        long start = System.nanoTime();
        RawHttp.Answer answer = raw.getReadingLate("orders/" + id, () -> {
            send(HttpRequest.newBuilder(order(unknown())).build());
            send(HttpRequest.newBuilder(base.resolve("orders")).PUT(HttpRequest.BodyPublishers.noBody()).build());
            send(post(""));
            Thread.sleep(Math.max(0, stallMillis - (System.nanoTime() - start) / 1_000_000));
        });
        answered(answer.status(), "", "", start);
        synchronized (this) {
            stalledSeconds = stallMillis / 1e3;
        }
        return id;
    }

    /**
     * A client that GETs the large order {@code id}, reads the status line and hangs up: it was answered (200), and
     * the handler throws as it writes the body.
     */
    void hangUpOnALargeOrder(String id) throws IOException {
        long start = System.nanoTime();
        answered(raw.getAndHangUp("orders/" + id), "", "", start);
    }

    /** Requests the service handled: every one answered, and every one whose client left. */
    synchronized int handled() {
        return answered() + abandoned;
    }

    synchronized int answered() {
        return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized int abandoned() {
        return abandoned;
    }

    /** How many answers the service gave with each status code. */
    synchronized Map<String, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    /** Orders created and not deleted. */
    synchronized int open() {
        return open.size();
    }

    /** Seconds the clients waited for their answers, all requests together: no request took longer to handle. */
    synchronized double waitedSeconds() {
        return waitedSeconds;
    }

    /** Seconds the request bodies paused half way, all together: handlers that read them had to wait that long. */
    synchronized double pausedSeconds() {
        return pausedSeconds;
    }

    /** Seconds the late reader left a large answer unread: its handler waited that long to finish writing it. */
    synchronized double stalledSeconds() {
        return stalledSeconds;
    }

    private Void send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        answered(response.statusCode(), response.body(), request.method().equals("DELETE")
                ? request.uri().getPath().substring("/orders/".length()) : "", start);
        return null;
    }

    /** Keeps the truth: the status, the order a 201 stored and the one a 204 deleted, and the time waited. */
    private synchronized void answered(int status, String body, String deleted, long start) {
        statuses.merge(Integer.toString(status), 1, Integer::sum);
        waitedSeconds += (System.nanoTime() - start) / 1e9;
        if (status == 201) {
            open.add(body.strip());
        } else if (status == 204) {
            open.remove(deleted);
        }
    }

    private void concurrently(List<Callable<Void>> requests) throws Exception {
        List<Future<Void>> running = new ArrayList<>();
        for (Callable<Void> request : requests) {
            running.add(clients.submit(request));
        }
        for (Future<Void> request : running) {
            try {
                request.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private HttpRequest post(String item) {
        return HttpRequest.newBuilder(base.resolve("orders")).POST(HttpRequest.BodyPublishers.ofString(item)).build();
    }

    private URI order(String id) {
        return base.resolve("orders/" + id);
    }

    private synchronized String someOpen() {
        return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    }

    private synchronized List<String> someOpen(int n) {
        List<String> shuffled = new ArrayList<>(open);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(n, shuffled.size())));
    }

    private String unknown() {
        return "x" + random.nextInt(1_000_000);
    }

    @Override
    public void close() {
        http.close();
        clients.shutdownNow();
    }
}
