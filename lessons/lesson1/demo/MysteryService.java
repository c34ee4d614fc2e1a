package lesson1.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import workbench.harness.Demo;

/**
 * Demo {@code safepoint-mystery}: a service whose endpoints have opaque names, each doing one runtime read
 * ({@link RuntimeRead}) per call, some plain work, and for some an allocation ({@link Endpoint}). Exactly one
 * endpoint's read stops the world on every call. The others stop it now and then: three allocate enough to make the
 * collector run every third call, or two calls of three, and a watchdog thread takes a thread dump every few hundred
 * milliseconds, whatever is being called. Two innocent endpoints are slower than the culprit. Which name does what
 * is drawn at random on every start.
 *
 * <pre>{@code
 * var mystery = (MysteryService) Demos.get("safepoint-mystery");
 * mystery.base();          // http://127.0.0.1:PORT/
 * mystery.endpoints();     // [ledger-417, orders-082, ...]
 * }</pre>
 *
 * As a program: {@code MysteryService [name=ENDPOINT ...] [-- name=ENDPOINT ...]} (ENDPOINT as
 * {@link Endpoint#parse} reads it; none given: a random mapping; {@code --} starts another service in the same JVM)
 * prints {@code safepoint-mystery listening on URI endpoints NAME,NAME,...} per service and serves until killed.
 */
public final class MysteryService implements Demo {

    /** Separates the mappings of several services started by one {@code main}. */
    public static final String NEXT_SERVICE = "--";

    /** Reads whose every call brings the JVM to a safepoint. */
    public static final Set<RuntimeRead> STOPS_THE_WORLD = EnumSet.of(
            RuntimeRead.THREAD_STACKS, RuntimeRead.THREAD_DUMP, RuntimeRead.FULL_THREAD_DUMP,
            RuntimeRead.DEADLOCK_SCAN, RuntimeRead.COLLECTED_HEAP_USAGE);

    private static final List<RuntimeRead> CONCURRENT = List.of(
            RuntimeRead.HEAP_USAGE, RuntimeRead.MBEAN_ATTRIBUTE, RuntimeRead.PROCESS_CPU_LOAD,
            RuntimeRead.THREAD_STATES);
    private static final List<String> WORDS = List.of(
            "orders", "ledger", "basket", "invoice", "profile", "search", "quote", "stock", "refund",
            "session", "coupon", "review", "payout", "ticket", "report", "audit");

    private final Map<String, Endpoint> mapping = new LinkedHashMap<>();
    private final long watchdogMillis;
    private final Garbage garbage = new Garbage();
    private final AtomicLong served = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;

    /** A service with a fresh random mapping. */
    public MysteryService() {
        this(randomMapping(new Random(), List.copyOf(STOPS_THE_WORLD), 1, 1, Endpoint.Allocation.NONE));
    }

    /** A service with the given endpoint names and what each does ({@link Endpoint#parse}), in that order. */
    public MysteryService(Map<String, String> mapping) {
        mapping.forEach((name, spec) -> this.mapping.put(name, Endpoint.parse(spec)));
        this.watchdogMillis = 250 + new Random().nextInt(151);
    }

    /**
     * Seven endpoints under fresh opaque names: the culprit (a read drawn from {@code stopping}, {@code fewestReads}
     * to {@code mostReads} times per call in turn, plus 15 to 25 ms of work and {@code culpritAllocation}'s garbage),
     * one that churns the young generation, two that fill the old one, a decoy 10 to 20 ms slower than the culprit,
     * busy work slower still, and a plain read. Listed in random order, except that the culprit always comes after
     * the endpoint that churns the young generation and between the two that fill the old one: whoever stops at the
     * first endpoint that showed any safepoint, takes the first of equals or the last, or calls each endpoint once,
     * never lands on it.
     */
    public static Map<String, String> randomMapping(Random random, List<RuntimeRead> stopping, int fewestReads,
                                                    int mostReads, Endpoint.Allocation culpritAllocation) {
        RuntimeRead culprit = stopping.get(random.nextInt(stopping.size()));
        int culpritWork = 15 + random.nextInt(11);
        int decoyWork = culpritWork + 10 + random.nextInt(11);
        List<Endpoint> endpoints = new ArrayList<>(List.of(
                new Endpoint(concurrent(random), 0, Endpoint.Allocation.CHURN),
                new Endpoint(concurrent(random), 0, Endpoint.Allocation.BULK),
                new Endpoint(concurrent(random), 0, Endpoint.Allocation.BULK),
                new Endpoint(concurrent(random), decoyWork, Endpoint.Allocation.NONE),
                new Endpoint(concurrent(random), decoyWork + 15 + random.nextInt(11), Endpoint.Allocation.NONE),
                new Endpoint(concurrent(random), random.nextInt(5), Endpoint.Allocation.NONE)));
        int after;
        int before;
        do {
            Collections.shuffle(endpoints, random);
            after = Math.max(first(endpoints, Endpoint.Allocation.CHURN), first(endpoints, Endpoint.Allocation.BULK));
            before = last(endpoints, Endpoint.Allocation.BULK);
        } while (before <= after);
        endpoints.add(after + 1 + random.nextInt(before - after),
                new Endpoint(culprit, culpritWork, culpritAllocation, fewestReads, mostReads));
        List<String> words = new ArrayList<>(WORDS);
        Collections.shuffle(words, random);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            mapping.put(words.get(i) + "-" + String.format("%03d", random.nextInt(1000)), endpoints.get(i).spec());
        }
        return mapping;
    }

    private static int first(List<Endpoint> endpoints, Endpoint.Allocation allocation) {
        return IntStream.range(0, endpoints.size()).filter(i -> endpoints.get(i).allocation() == allocation)
                .findFirst().orElseThrow();
    }

    private static int last(List<Endpoint> endpoints, Endpoint.Allocation allocation) {
        return IntStream.range(0, endpoints.size()).filter(i -> endpoints.get(i).allocation() == allocation)
                .max().orElseThrow();
    }

    private static RuntimeRead concurrent(Random random) {
        return CONCURRENT.get(random.nextInt(CONCURRENT.size()));
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        workers = Executors.newFixedThreadPool(2);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        mapping.forEach((name, endpoint) -> {
            AtomicLong calls = new AtomicLong();
            server.createContext("/" + name, exchange -> serve(exchange, endpoint, calls.getAndIncrement()));
        });
        server.setExecutor(workers);
        server.start();
        Watchdog.join(watchdogMillis);
    }

    private void serve(HttpExchange exchange, Endpoint endpoint, long call) throws IOException {
        try (exchange) {
            Object read = endpoint.read().read();
            for (int again = 1; again < endpoint.readsOnCall(call); again++) {
                read = endpoint.read().read();
            }
            long work = Work.spin(endpoint.workMillis());
            Object allocated = switch (endpoint.allocation()) {
                case NONE -> work;
                case CHURN -> garbage.churn();
                case STEADY -> garbage.steady();
                case BULK -> garbage.bulk();
            };
            byte[] body = ("ok " + Integer.toHexString(System.identityHashCode(read) ^ allocated.hashCode()) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        }
    }

    /** Base address; endpoint {@code name} is served at {@code base().resolve(name)}. */
    public URI base() {
        HttpServer running = server;
        if (running == null) {
            throw new IllegalStateException("safepoint-mystery is not started");
        }
        return URI.create("http://127.0.0.1:" + running.getAddress().getPort() + "/");
    }

    /** The opaque endpoint names, in no meaningful order. */
    public List<String> endpoints() {
        return List.copyOf(mapping.keySet());
    }

    @Override
    public String status() {
        if (server == null) {
            return "not started";
        }
        return "serving " + base() + " endpoints " + String.join(", ", endpoints()) + "; "
                + served.get() + " requests so far";
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        Watchdog.leave();
        server = null;
    }

    public static void main(String[] args) throws Exception {
        List<Map<String, String>> mappings = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals(NEXT_SERVICE)) {
                mappings.add(mapping);
                mapping = new LinkedHashMap<>();
            } else {
                String[] pair = arg.split("=", 2);
                mapping.put(pair[0], pair[1]);
            }
        }
        mappings.add(mapping);
        for (Map<String, String> endpoints : mappings) {
            MysteryService service = endpoints.isEmpty() ? new MysteryService() : new MysteryService(endpoints);
            service.start();
            System.out.println("safepoint-mystery listening on " + service.base()
                    + " endpoints " + String.join(",", service.endpoints()));
        }
        Thread.currentThread().join();
    }
}
