package lesson6.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.histogram.IntervalHistogram;
import workbench.harness.Demo;

/**
 * Demo {@code carrier-service}: a service that runs every request on a virtual thread of its own, as a server on
 * virtual threads does. Its light endpoint, {@code quote}, needs a tenth of a millisecond, yet its latency climbs:
 * something holds the carriers. In some runs one site's CPU-bound requests keep them busy; in others one site's
 * requests block inside a callback from native code, or inside the static initializer of a plugin class each of
 * them loads afresh, and pin them. The other sites are decoys: slower without
 * pinning, blocking longer inside {@code synchronized} (which no longer pins on JDK 24 and later), running in
 * native code without ever blocking there, pinning more often but for a millisecond each time, or pinning
 * for longer each time but seldom. Each start draws a new {@link Plan}.
 *
 * <pre>{@code
 * var service = (CarrierService) Demos.get("carrier-service");
 * service.quoteLatency();   // the light endpoint's latency since the last call
 * service.sites();          // lesson6.demo.Geocoder.work, ...
 * }</pre>
 *
 * {@link #main} runs it in a JVM of its own with a plan's {@link Plan#args()}, prints {@link #READY} and serves
 * until killed, redeployed with each new plan it reads. Run that JVM with {@code --enable-native-access=ALL-UNNAMED},
 * or the JDK warns once.
 */
public final class CarrierService implements Demo {

    /** Printed by {@link #main} once traffic flows. */
    public static final String READY = "carrier-service running";

    private final Plan plan;
    private final List<Site> sites = new ArrayList<>();
    private final IntervalHistogram quotes = new IntervalHistogram();
    private final AtomicLong served = new AtomicLong();
    /** Requests started and not yet over, run or dropped. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private final Random random = new Random();
    private Thread traffic;
    private volatile long checksum;

    /** A run with a random plan, the way the console starts it. */
    public CarrierService() {
        this(Plan.random(new Random()));
    }

    /** A run with the given plan. */
    public CarrierService(Plan plan) {
        this.plan = plan;
        for (Plan.SiteLoad load : plan.sites()) {
            sites.add(SiteKind.named(load.name()).create(load.role(), load.pause()));
        }
    }

    /**
     * Serves the plan given as arguments ({@link Plan#args()}) until killed. Each line on standard input is another
     * plan's arguments, separated by spaces: the service is redeployed with it in the same JVM, as it is in the lab
     * JVM when the learner stops the demo and starts it again.
     */
    public static void main(String[] args) throws Exception {
        CarrierService service = new CarrierService(Plan.parse(args));
        service.start();
        System.out.println(READY);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            service.close();
            service.awaitDrained();
            service = new CarrierService(Plan.parse(line.split(" ")));
            service.start();
            System.out.println(READY);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /**
     * Loads the native library and the plugin loader and measures the busy work on this thread before traffic
     * starts: done on a virtual thread, a class initializer that waited would pin it once, outside any site.
     */
    @Override
    public synchronized void start() throws InterruptedException {
        if (traffic == null) {
            closed = false;
            NativeSort.sortWith(() -> checksum += Cpu.spin(1, checksum));
            PluginLoader.loadWith(() -> { });
            traffic = Thread.ofPlatform().daemon().name("carrier-service-traffic").start(this::sendTraffic);
        }
    }

    /**
     * Starts each request on a virtual thread of its own when it is due, spread evenly with a little jitter, the
     * way requests reach a server: one stream per site, whose requests may arrive in batches, and one of quotes.
     */
    private void sendTraffic() {
        int streams = sites.size() + 1;
        long[] period = new long[streams];
        long[] due = new long[streams];
        long now = System.nanoTime();
        int[] batch = new int[streams];
        for (int i = 0; i < streams; i++) {
            batch[i] = i < sites.size() ? plan.sites().get(i).batch() : 1;
            int perSecond = i < sites.size() ? plan.sites().get(i).perSecond() : plan.lightPerSecond();
            period[i] = 1_000_000_000L * batch[i] / perSecond;
            due[i] = now + random.nextLong(period[i]);
        }
        while (!Thread.currentThread().isInterrupted()) {
            now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (int i = 0; i < streams; i++) {
                while (due[i] <= now) {
                    for (int request = 0; request < batch[i]; request++) {
                        startRequest(i, due[i]);
                    }
                    due[i] += period[i] / 2 + random.nextLong(period[i]);
                }
                next = Math.min(next, due[i]);
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.max(100_000, next - System.nanoTime())));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void startRequest(int stream, long arrived) {
        inFlight.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            try {
                if (!closed) {   // a request still queued for a carrier when the service closes is dropped
                    serve(stream, arrived);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void serve(int stream, long arrived) throws InterruptedException {
        if (stream < sites.size()) {
            sites.get(stream).handle();
        } else {
            checksum += quote(arrived);
            quotes.record(System.nanoTime() - arrived);
        }
        served.incrementAndGet();
    }

    /** The light endpoint: a tenth of a millisecond of arithmetic. */
    private static long quote(long seed) {
        long price = seed;
        for (int i = 0; i < 20_000; i++) {
            price = price * 31 + i;
        }
        return price;
    }

    /** The quote endpoint's latency, from arrival to answer, since the previous call. */
    public HistogramSnapshot quoteLatency() {
        return quotes.intervalSnapshot();
    }

    /** Every site, as a pinned event's stack names it ({@code lesson6.demo.Geocoder.work}), in a fixed order. */
    public List<String> sites() {
        return plan.sites().stream().map(Plan.SiteLoad::site).toList();
    }

    @Override
    public String status() {
        if (traffic == null) {
            return "not started";
        }
        HistogramSnapshot latency = quotes.snapshot();
        return String.format(Locale.ROOT, "%,d requests served; quote latency p50 %.1f ms, p99 %.1f ms since start",
                served.get(), latency.percentile(50) / 1e6, latency.percentile(99) / 1e6);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (traffic != null) {
            traffic.interrupt();
            traffic = null;
        }
    }

    /** Waits, once closed, for the requests under way to end, so that none of them still blocks or pins. */
    void awaitDrained() throws InterruptedException {
        while (inFlight.get() > 0) {
            Thread.sleep(10);
        }
    }
}
