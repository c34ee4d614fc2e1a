package lesson4.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import workbench.diagnostics.vars.Histogram;
import workbench.diagnostics.vars.VarMap;
import workbench.diagnostics.vars.Vars;
import workbench.diagnostics.vars.VarsServer;
import workbench.harness.Demo;

/**
 * Demo {@code storefront}: a small shop service on loopback, instrumented with the library's {@link Vars} and
 * serving them with {@link VarsServer}. Its endpoints differ in traffic, latency and error rate, drawn at random
 * on every start ({@link Plan}). It has been up a while when it starts: its counters begin with the requests it
 * served before, when another endpoint was failing, and steady traffic keeps arriving. Now one endpoint fails far
 * more often than the rest. One of its gauges, {@code threads_blocked}, takes a full thread dump on every scrape.
 *
 * <pre>{@code
 * var shop = (Storefront) Demos.get("storefront");
 * shop.uri();        // http://127.0.0.1:PORT/           endpoints: shop.endpoints()
 * shop.varsUri();    // http://127.0.0.1:PORT/           then metrics, debug/vars
 * }</pre>
 *
 * As a program it serves a random plan until killed and prints {@code storefront listening on URI vars URI}.
 */
public final class Storefront implements Demo {

    /** Requests a second the console's storefront receives: enough that a couple of seconds show every rate. */
    private static final int CONSOLE_REQUESTS_PER_SECOND = 200;
    /** The background traffic sends a batch this often. */
    private static final long TICK_NANOS = 50_000_000L;

    private final Plan plan;
    private final int requestsPerSecond;
    private final Vars vars = new Vars();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private HttpServer server;
    private ExecutorService workers;
    private VarsServer varsServer;
    private Traffic traffic;
    /** Each endpoint's handler, by name, from {@link #start()}. */
    private volatile Map<String, EndpointHandler> handlers = Map.of();
    private BatchedTraffic batched;
    private Thread shopper;
    /** Where the batches move on the next scrape, when a check asked: see {@link #nextBatchAfterNextScrape}. */
    private final AtomicReference<Duration> batchAfterScrape = new AtomicReference<>();

    /** A run with a random plan and steady traffic, the way the console starts it. */
    public Storefront() {
        this(Plan.random(new Random()), CONSOLE_REQUESTS_PER_SECOND);
    }

    /** A run with the given plan, receiving about {@code requestsPerSecond} requests a second once started. */
    public Storefront(Plan plan, int requestsPerSecond) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("a storefront needs traffic; got " + requestsPerSecond + " a second");
        }
        this.plan = plan;
        this.requestsPerSecond = requestsPerSecond;
    }

    @Override
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        register();
        handlers = plan.endpoints().stream().map(EndpointHandler::new)
                .collect(Collectors.toUnmodifiableMap(handler -> handler.endpoint.name(), handler -> handler));
        handlers.values().forEach(EndpointHandler::recordPast);
        workers = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().name("storefront-", 0).factory());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(workers);
        for (EndpointHandler handler : handlers.values()) {
            server.createContext("/" + handler.endpoint.name(), handler::handle);
        }
        server.start();
        varsServer = VarsServer.start(vars, 0);
        traffic = new Traffic(uri(), plan);
        batched = new BatchedTraffic(uri().resolve(plan.endpoint(Plan.Role.BATCHED).name()));
        batched.start();
        shopper = Thread.ofPlatform().daemon().name("storefront-shopper").start(this::shopForever);
    }

    private void register() {
        vars.gauge("in_flight", "Requests being handled right now.", () -> {
            scraped();
            return inFlight.get();
        });
        // The misbehaving gauge: a full thread dump, with stacks and locked synchronizers, on every scrape.
        vars.gauge("threads_blocked", "Threads blocked on a monitor.", () -> Arrays.stream(
                ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .map(ThreadInfo::getThreadState).filter(Thread.State.BLOCKED::equals).count());
    }

    /** Where endpoint {@code name} is served: {@code uri().resolve(name)}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + running().getAddress().getPort() + "/");
    }

    /** The base address of the variables: {@code varsUri().resolve("metrics")}, {@code resolve("debug/vars")}. */
    public URI varsUri() {
        running();
        return varsServer.uri();
    }

    /** The endpoint names, in no meaningful order. */
    public List<String> endpoints() {
        return plan.names();
    }

    /**
     * Moves the batched endpoint's batches, when the variables are next scraped, so that the next starts
     * {@code delay} after that scrape, the others following at their period: a check uses it to know where the
     * batches fall between the scrapes of the code it watches, however long that code waits before its first.
     */
    public void nextBatchAfterNextScrape(Duration delay) {
        running();
        batchAfterScrape.set(delay);
    }

    /**
     * From now on each endpoint fails the share of its requests it fails in {@code next}, a plan of the same
     * endpoints: an incident that moves from one endpoint to another while the traffic goes on.
     */
    public void follow(Plan next) {
        running();
        next.endpoints().forEach(endpoint -> handlers.get(endpoint.name()).errorRate = endpoint.errorRate());
    }

    /** A scrape reads every gauge, so one of them tells when the variables are read. */
    private void scraped() {
        Duration delay = batchAfterScrape.getAndSet(null);
        if (delay != null) {
            batched.nextBatchIn(delay.toMillis());
        }
    }

    @Override
    public String status() {
        if (server == null) {
            return "not started";
        }
        return "serving " + uri() + " endpoints " + String.join(", ", endpoints()) + "; " + served.get()
                + " requests since the demo started, " + plan.pastRequests() + " before; variables at " + varsUri()
                + "metrics and " + varsUri() + "debug/vars";
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        shopper.interrupt();
        traffic.close();
        batched.close();
        varsServer.close();
        server.stop(0);
        workers.shutdownNow();
        server = null;
    }

    private HttpServer running() {
        HttpServer now = server;
        if (now == null) {
            throw new IllegalStateException("storefront is not started");
        }
        return now;
    }

    /** Sends a batch every tick, so that the requests keep their rate; a late batch does not make up for it. */
    private void shopForever() {
        long perTick = Math.max(1, Math.round(requestsPerSecond * TICK_NANOS / 1e9));
        try {
            long next = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                served.addAndGet(traffic.send((int) perTick));
                next = Math.max(next + TICK_NANOS, System.nanoTime() - TICK_NANOS);
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (InterruptedException | IllegalStateException e) {
            // closed: the shop is gone
        }
    }

    /**
     * Serves one endpoint: fails exactly its error rate of the requests, spread evenly, and times each; the batched
     * endpoint fails every request but its pages. Its counts start with the requests it served before the run,
     * written straight into the variables.
     */
    private final class EndpointHandler {

        private final Plan.Endpoint endpoint;
        /** The share of its requests it fails now: {@link Storefront#follow} may change it. */
        private volatile double errorRate;
        private final AtomicLong seen = new AtomicLong();
        private final VarMap requests = vars.map("requests", "Requests handled, by endpoint.");
        private final VarMap errors = vars.map("errors", "Requests answered with status 500, by endpoint.");
        private final Histogram duration;

        EndpointHandler(Plan.Endpoint endpoint) {
            this.endpoint = endpoint;
            this.errorRate = endpoint.errorRate();
            this.duration = vars.histogram(endpoint.name() + "_duration",
                    "Time to handle a request to /" + endpoint.name() + ".");
            // A key that appears only on its first error would make a scraper miss the series until then.
            requests.add(endpoint.name(), 0);
            errors.add(endpoint.name(), 0);
        }

        /** The requests of the hours before the run, each timed as this endpoint takes. */
        void recordPast() {
            long past = Math.round(plan.pastRequests() * endpoint.pastShare());
            requests.add(endpoint.name(), past);
            errors.add(endpoint.name(), Math.round(past * endpoint.pastErrorRate()));
            Random jitter = new Random();
            for (long i = 0; i < past; i++) {
                duration.record(Duration.ofNanos((endpoint.delayMicros() + 100 + jitter.nextInt(300)) * 1_000));
            }
        }

        private boolean fails(String query) {
            if (endpoint.role() == Plan.Role.BATCHED) {
                return query == null || !query.startsWith(BatchedTraffic.PAGE);
            }
            long n = seen.getAndIncrement();
            return (long) ((n + 1) * errorRate) > (long) (n * errorRate);
        }

        void handle(HttpExchange exchange) throws IOException {
            long start = System.nanoTime();
            inFlight.incrementAndGet();
            try (exchange) {
                boolean fails = fails(exchange.getRequestURI().getQuery());
                LockSupport.parkNanos(endpoint.delayMicros() * 1_000);
                exchange.sendResponseHeaders(fails ? 500 : 200, -1);
                requests.increment(endpoint.name());
                if (fails) {
                    errors.increment(endpoint.name());
                }
            } finally {
                inFlight.decrementAndGet();
                duration.record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Storefront demo = new Storefront();
        demo.start();
        System.out.println("storefront listening on " + demo.uri() + " vars " + demo.varsUri());
        Thread.currentThread().join();
    }
}
