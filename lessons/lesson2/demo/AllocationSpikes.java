package lesson2.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import workbench.harness.Demo;

/**
 * Demo {@code allocation-spikes}: a service that allocates steadily and, on a random schedule, bursts of
 * random size from one of several call sites, large arrays included (humongous under G1). After each burst every
 * spike site does a little everyday work (one 1.5 MiB buffer each), and halfway through the second burst the logs
 * are rotated ({@link LogRotation}): one large buffer from a site that allocates nothing else. Before the first burst
 * the steady load exports once, 8 to 10 MiB at once: more than a usual moment, but no spike.
 *
 * <pre>{@code
 * var demo = (AllocationSpikes) Demos.get("allocation-spikes");
 * demo.status();
 * }</pre>
 *
 * <p>Run alone: {@code java lesson2.demo.AllocationSpikes [--seed N] [--seconds S] [--live-mb M]
 * [--steady-mb-per-second R] [--spike-mb MIN-MAX] [--gap-ms MIN-MAX] [--site NAME|any]}. It prints
 * {@code max heap <bytes>}, then {@code running}, then {@code done} when the time is up; after an
 * {@link OutOfMemoryError} it prints {@code OutOfMemoryError} and exits with status 3.
 */
public final class AllocationSpikes implements Demo {

    /** The call sites that allocate spikes, as {@code Class.method} of the allocating frame in this package. */
    public static final List<String> SPIKE_SITES =
            List.of("ReportRenderer.render", "ThumbnailCache.load", "CsvExport.write", "SessionStore.snapshot");

    /** The spike sites whose arrays a JDK method makes, one frame above the site. */
    public static final List<String> SITES_BEHIND_JDK_HELPERS = List.of("ThumbnailCache.load", "CsvExport.write");

    /** The call site of the steady load: much allocation in total, but no spikes. */
    public static final String STEADY_SITE = "RequestHandler.handle";

    private static final Map<String, SpikeSite> SITES = Map.of(
            "ReportRenderer.render", new ReportRenderer(),
            "ThumbnailCache.load", new ThumbnailCache(),
            "CsvExport.write", new CsvExport(),
            "SessionStore.snapshot", new SessionStore());
    private static final Duration TICK = Duration.ofMillis(10);
    /** The spike during which the logs are rotated, once in a run: one large buffer from a site with no usual. */
    private static final int ROTATES_LOGS_DURING = 2;
    /** Between two sites' everyday work: one site's buffer per tick of a 100 ms counter, at most. */
    private static final Duration EVERYDAY_REST = Duration.ofMillis(60);
    /** However long the everyday work took, the next spike waits this long after it. */
    private static final Duration QUIET_BEFORE_SPIKE = Duration.ofMillis(500);
    /**
     * The steady load exports once, this long after the start, 8 to 10 MiB at once: a tick of the counter well above
     * the usual, yet far less beyond it than any spike. Far enough from the start, where the steady load fills its
     * cache, and from the first spike, {@link #QUIET_AFTER_EXPORT} later, that none of them make one burst.
     */
    private static final Duration QUIET_BEFORE_EXPORT = Duration.ofMillis(700);
    private static final Duration QUIET_AFTER_EXPORT = Duration.ofMillis(900);
    private static final int EXPORT_MIB = 8;
    /**
     * The export's buffers: under half a region of G1 in a small heap, so none is humongous. One humongous export
     * could bring on a collection that stalls the steady load in the same tick and hides the export.
     */
    private static final int EXPORT_PIECE = 448 << 10;

    /**
     * How the demo misbehaves.
     *
     * @param seed                 seeds every random choice
     * @param liveSetMb            size of the long-lived cache
     * @param steadyMbPerSecond    allocation rate between spikes
     * @param minSpikeMb           smallest spike
     * @param maxSpikeMb           largest spike
     * @param minGap               shortest pause between spikes
     * @param maxGap               longest pause between spikes
     * @param site                 the one site that spikes, or {@code null} for a random site per spike, never
     *                             the same twice running, and by turns one whose arrays a JDK method makes
     *                             ({@code Arrays.copyOf}, {@code ByteBuffer.allocate}) and one that makes its own
     * @param spikeLength          how long a spike takes: {@link Duration#ZERO} for as fast as it goes; otherwise
     *                             a large spike's first two fifths allocate at half the rate of the rest, as a batch
     *                             job warms up
     * @param steadyLargeShare     the share of the steady load made as large buffers (1 to 2 MiB, too large for a
     *                             thread's TLAB), from 0 to 1
     * @param smallSpikeMbPerSecond 0 for spikes of one kind; otherwise every second spike is a small one, made at
     *                             an even pace of this many MB/s over the spike's length, between large ones that
     *                             {@code minSpikeMb} and {@code maxSpikeMb} size (the first spike is large)
     */
    public record Settings(long seed, int liveSetMb, int steadyMbPerSecond, int minSpikeMb, int maxSpikeMb,
                           Duration minGap, Duration maxGap, String site, Duration spikeLength,
                           double steadyLargeShare, int smallSpikeMbPerSecond) {

        public Settings {
            if (site != null && !SPIKE_SITES.contains(site)) {
                throw new IllegalArgumentException("No spike site " + site + "; the sites are " + SPIKE_SITES);
            }
        }

        /** Spikes as fast as they go, a steady load of small objects only. */
        public Settings(long seed, int liveSetMb, int steadyMbPerSecond, int minSpikeMb, int maxSpikeMb,
                        Duration minGap, Duration maxGap, String site) {
            this(seed, liveSetMb, steadyMbPerSecond, minSpikeMb, maxSpikeMb, minGap, maxGap, site, Duration.ZERO, 0, 0);
        }

        /** A random misbehaviour of moderate size, with one culprit site chosen at random. */
        public static Settings random(Random random) {
            return new Settings(random.nextLong(), 32, 24, 40, 120, Duration.ofMillis(1500),
                    Duration.ofMillis(3000), SPIKE_SITES.get(random.nextInt(SPIKE_SITES.size())));
        }
    }

    /**
     * One spike: when it started (when its first chunk was made: a collection or a busy machine that holds the spike
     * thread back holds the spike back too), where it came from and how much it allocated.
     */
    public record Spike(Instant at, String site, long bytes) {
    }

    private final Settings settings;
    private final SpikeCue cue;
    private final SpikeLog spikes = new SpikeLog();
    private final AtomicLong requests = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    /** The export the steady load is asked to make next, in bytes; 0 for none. */
    private volatile int exportBytes;
    private volatile Throwable failure;

    /** A random run, as the console starts it. */
    public AllocationSpikes() {
        this(Settings.random(new Random()));
    }

    public AllocationSpikes(Settings settings) {
        this(settings, SpikeCue.NONE);
    }

    /** A run whose every spike, once its quiet time is over, waits for {@code cue} before it begins. */
    public AllocationSpikes(Settings settings, SpikeCue cue) {
        this.settings = settings;
        this.cue = cue;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Random random = new Random(settings.seed());
        RequestHandler handler = new RequestHandler(settings.liveSetMb(), new Random(random.nextLong()));
        Random spikeRandom = new Random(random.nextLong());
        threads.add(Thread.ofPlatform().name("steady-requests").daemon().start(() -> guard(() -> steady(handler))));
        threads.add(Thread.ofPlatform().name("spikes").daemon().start(() -> guard(() -> spikes(spikeRandom))));
    }

    @Override
    public String status() {
        String failed = failure == null ? "" : "; stopped by " + failure;
        List<Spike> all = spikes.snapshot();
        Spike last = all.isEmpty() ? null : all.getLast();
        return String.format("%d MB/s steady over a %d MB live set, %d requests, %d spikes so far%s%s",
                settings.steadyMbPerSecond(), settings.liveSetMb(), requests.get(), all.size(),
                last == null ? "" : ", the last " + Duration.between(last.at(), Instant.now()).toMillis() + " ms ago",
                failed);
    }

    /** The spikes so far, for hidden checks that compare a learner's findings with what happened. */
    public List<Spike> spikes() {
        return spikes.snapshot();
    }

    /** What stopped the demo early, such as an {@link OutOfMemoryError}, or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public synchronized void close() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    private void guard(Work work) {
        try {
            work.run();
        } catch (InterruptedException e) {
            // close() asked us to stop.
        } catch (OutOfMemoryError | RuntimeException e) {
            failure = e;
            running = false;
        }
    }

    private void steady(RequestHandler handler) throws InterruptedException {
        int bytesPerTick = (int) (settings.steadyMbPerSecond() * (1L << 20) * TICK.toMillis() / 1000);
        Random random = new Random(settings.seed());
        double largeOwed = 0;
        while (running) {
            long started = System.nanoTime();
            int export = exportBytes;
            if (export > 0) {
                exportBytes = 0;
                for (int exported = 0; exported < export; exported += EXPORT_PIECE) {
                    handler.handle(32 << 10, EXPORT_PIECE);
                }
            }
            largeOwed += bytesPerTick * settings.steadyLargeShare();
            int small = (int) (bytesPerTick * (1 - settings.steadyLargeShare()));
            for (int made = 0; made < small; made += 32 << 10) {
                int large = 0;
                if (largeOwed >= 2 << 20) {
                    large = (1 << 20) + random.nextInt(1 << 20);
                    largeOwed -= large;
                }
                handler.handle(32 << 10, large);
                requests.incrementAndGet();
            }
            long left = TICK.toNanos() - (System.nanoTime() - started);
            if (left > 0) {
                Thread.sleep(Duration.ofNanos(left));
            }
        }
    }

    private void spikes(Random random) throws InterruptedException {
        // Looked up once: between spikes this thread allocates only the sites' everyday work, so its allocation
        // samples all fall inside the spike sites.
        List<SpikeSite> sites = SPIKE_SITES.stream().map(SITES::get).toList();
        int culprit = settings.site() == null ? -1 : SPIKE_SITES.indexOf(settings.site());
        boolean behindHelper = random.nextBoolean();
        boolean small = false;
        long sinceLastSpike = 0;
        Runnable begun = spikes::begun;
        for (int made = 1; running; made++) {
            long gap = settings.minGap().toMillis()
                    + random.nextLong(settings.maxGap().toMillis() - settings.minGap().toMillis() + 1);
            long quiet = Math.max(QUIET_BEFORE_SPIKE.toMillis(), gap - sinceLastSpike);
            if (made == 1) {
                Thread.sleep(QUIET_BEFORE_EXPORT);
                exportBytes = (EXPORT_MIB << 20) + random.nextInt(2 << 20);
                quiet = QUIET_AFTER_EXPORT.toMillis();
            }
            Thread.sleep(quiet);
            cue.await();
            int site = culprit >= 0 ? culprit : SPIKE_SITES.indexOf(nextSite(random, behindHelper));
            behindHelper = !behindHelper;
            long bytes = small ? (settings.smallSpikeMbPerSecond() * settings.spikeLength().toMillis() << 20) / 1000
                    : largeSpikeBytes(random);
            spikes.add(site, bytes);
            if (made == ROTATES_LOGS_DURING) {
                rotateLogsMidway(random);
            }
            SpikeSite.Pace pace = settings.spikeLength().isZero() ? SpikeSite.Pace.fast(begun)
                    : small ? SpikeSite.Pace.even(bytes, settings.spikeLength(), System.nanoTime(), begun)
                    : SpikeSite.Pace.warmingUp(bytes, settings.spikeLength(), System.nanoTime(), begun);
            sites.get(site).allocate(bytes, random, pace);
            long spikeEnded = System.nanoTime();
            everydayWork(sites, random);
            sinceLastSpike = (System.nanoTime() - spikeEnded) / 1_000_000;
            small = settings.smallSpikeMbPerSecond() > 0 && !small;
        }
    }

    /**
     * Rotates the logs halfway through the spike that is about to begin, from a thread of their own: well inside
     * the burst, where any window around it takes the rotation in, and not at its first edge, where a window that
     * opens a tick late would leave it out.
     */
    private void rotateLogsMidway(Random random) {
        Duration delay = settings.spikeLength().dividedBy(2);
        Thread rotation = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
                LogRotation.rotate(random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "log-rotation");
        rotation.setDaemon(true);
        rotation.start();
    }

    /**
     * Every site's everyday work, one after another, right after a spike: a usual rate for each, so that a site's
     * spike is never all it ever allocated. Right after, so that it joins the spike's tail and never runs just
     * ahead of the next one.
     */
    private static void everydayWork(List<SpikeSite> sites, Random random) throws InterruptedException {
        List<SpikeSite> order = new ArrayList<>(sites);
        Collections.shuffle(order, random);
        for (SpikeSite site : order) {
            Thread.sleep(EVERYDAY_REST);
            site.allocate(SpikeSite.Pace.EVERYDAY.chunk(), random, SpikeSite.Pace.EVERYDAY);
        }
    }

    private long largeSpikeBytes(Random random) {
        return (settings.minSpikeMb() + random.nextLong(settings.maxSpikeMb() - settings.minSpikeMb() + 1)) << 20;
    }

    private static String nextSite(Random random, boolean behindHelper) {
        List<String> group = SPIKE_SITES.stream()
                .filter(site -> SITES_BEHIND_JDK_HELPERS.contains(site) == behindHelper).toList();
        return group.get(random.nextInt(group.size()));
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments = new Arguments(args);
        Random random = new Random(arguments.number("--seed", new Random().nextLong()));
        Settings defaults = Settings.random(random);
        String site = arguments.text("--site", defaults.site());
        Settings settings = new Settings(random.nextLong(),
                (int) arguments.number("--live-mb", defaults.liveSetMb()),
                (int) arguments.number("--steady-mb-per-second", defaults.steadyMbPerSecond()),
                (int) arguments.range("--spike-mb", defaults.minSpikeMb(), 0),
                (int) arguments.range("--spike-mb", defaults.maxSpikeMb(), 1),
                Duration.ofMillis(arguments.range("--gap-ms", defaults.minGap().toMillis(), 0)),
                Duration.ofMillis(arguments.range("--gap-ms", defaults.maxGap().toMillis(), 1)),
                site.equals("any") ? null : site, Duration.ZERO, 0, 0);
        System.out.println("max heap " + Runtime.getRuntime().maxMemory());
        AllocationSpikes demo = new AllocationSpikes(settings);
        demo.start();
        System.out.println("running");
        long end = System.nanoTime() + Duration.ofMillis((long) (arguments.decimal("--seconds", 3600) * 1000)).toNanos();
        while (System.nanoTime() < end && demo.failure() == null) {
            Thread.sleep(20);
        }
        demo.close();
        if (demo.failure() instanceof OutOfMemoryError) {
            System.out.println("OutOfMemoryError");
            System.exit(3);
        }
        if (demo.failure() != null) {
            demo.failure().printStackTrace(System.out);
            System.exit(2);
        }
        System.out.println("done");
    }

    /** {@code --name value} pairs, ranges written {@code MIN-MAX}. */
    private record Arguments(List<String> args) {

        Arguments(String[] args) {
            this(List.of(args));
        }

        String text(String name, String fallback) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
        }

        long number(String name, long fallback) {
            return Long.parseLong(text(name, Long.toString(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(text(name, Double.toString(fallback)));
        }

        long range(String name, long fallback, int end) {
            String value = text(name, null);
            return value == null ? fallback : Long.parseLong(value.split("-")[end]);
        }
    }
}
