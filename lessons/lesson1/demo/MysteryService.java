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
import workbench.lessons.harness.Demo;

/**
 * Demo {@code safepoint-mystery}: a service whose endpoints have opaque names, each doing one runtime read
 * per request ({@link RuntimeRead}) or some plain busy work. Exactly one endpoint's read stops the world;
 * the busy one is the slowest and does not. Which name does what is drawn at random on every start.
 *
 * <pre>{@code
 * var mystery = (MysteryService) Demos.get("safepoint-mystery");
 * mystery.base();          // http://127.0.0.1:PORT/
 * mystery.endpoints();     // [ledger-417, orders-082, ...]
 * }</pre>
 *
 * As a program: {@code MysteryService [name=OPERATION ...] [-- name=OPERATION ...]} (OPERATION is a
 * {@link RuntimeRead} or {@code BUSYWORK}; none given: a random mapping; {@code --} starts another
 * service in the same JVM) prints {@code safepoint-mystery listening on URI endpoints NAME,NAME,...} per
 * service and serves until killed.
 */
public final class MysteryService implements Demo {

    /** Separates the mappings of several services started by one {@code main}. */
    public static final String NEXT_SERVICE = "--";

    /** The operation name of the slow endpoint that never stops the world. */
    public static final String BUSYWORK = "BUSYWORK";

    /** Reads whose every call brings the JVM to a safepoint. */
    public static final Set<RuntimeRead> STOPS_THE_WORLD = EnumSet.of(
            RuntimeRead.THREAD_STACKS, RuntimeRead.THREAD_DUMP, RuntimeRead.FULL_THREAD_DUMP,
            RuntimeRead.DEADLOCK_SCAN);

    private static final List<RuntimeRead> CONCURRENT = List.of(
            RuntimeRead.HEAP_USAGE, RuntimeRead.MBEAN_ATTRIBUTE, RuntimeRead.PROCESS_CPU_LOAD,
            RuntimeRead.THREAD_STATES);
    private static final List<String> WORDS = List.of(
            "orders", "ledger", "basket", "invoice", "profile", "search", "quote", "stock", "refund",
            "session", "coupon", "review", "payout", "ticket", "report", "audit");

    private final Map<String, String> mapping;
    private final Busywork busywork = new Busywork();
    private final AtomicLong served = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;

    /** A service with a fresh random mapping. */
    public MysteryService() {
        this(randomMapping(new Random()));
    }

    /** A service with the given endpoint names and operations ({@link RuntimeRead} names or {@link #BUSYWORK}). */
    public MysteryService(Map<String, String> mapping) {
        this.mapping = new LinkedHashMap<>(mapping);
    }

    /**
     * Four concurrent reads and busy work, plus one read that stops the world, under fresh opaque names,
     * in random order.
     */
    public static Map<String, String> randomMapping(Random random) {
        List<String> operations = new ArrayList<>();
        List<RuntimeRead> stopping = new ArrayList<>(STOPS_THE_WORLD);
        operations.add(stopping.get(random.nextInt(stopping.size())).name());
        CONCURRENT.forEach(read -> operations.add(read.name()));
        operations.add(BUSYWORK);
        Collections.shuffle(operations, random);
        List<String> words = new ArrayList<>(WORDS);
        Collections.shuffle(words, random);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            mapping.put(words.get(i) + "-" + String.format("%03d", random.nextInt(1000)), operations.get(i));
        }
        return mapping;
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        busywork.calibrate(mapping.values());
        workers = Executors.newFixedThreadPool(2);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        mapping.forEach((name, operation) -> server.createContext("/" + name, exchange -> serve(exchange, operation)));
        server.setExecutor(workers);
        server.start();
    }

    private void serve(HttpExchange exchange, String operation) throws IOException {
        try (exchange) {
            Object result = BUSYWORK.equals(operation)
                    ? busywork.run()
                    : busywork.timed(RuntimeRead.valueOf(operation));
            byte[] body = ("ok " + Integer.toHexString(System.identityHashCode(result)) + "\n")
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
