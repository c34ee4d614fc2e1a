package lesson5.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbench.lessons.harness.Demo;

/**
 * Demo {@code watched-service}: a service to put alerts on. Every run is leaking or healthy, drawn at random
 * with its rates and baselines ({@link Plan}).
 *
 * <ul>
 *   <li>Always: a long-lived baseline on the heap, a steady stream of short-lived garbage (the sawtooth), a
 *       report job that now and then holds a burst of memory for a moment, idle workers, and an elastic pool
 *       that grows by many workers for each burst of work and shrinks back soon after.
 *   <li>Leaking: a cache that only grows, and session watchers that wait on a latch nobody opens.
 * </ul>
 *
 * A leaking run's cache stops at 200 MB and its watchers at 1,000 threads, so that the console's lab JVM
 * survives it.
 *
 * <p>As a program it runs the plan given as arguments (see {@link Plan#args()}), or a random one, until killed,
 * and prints {@code watched-service ready} once its baseline is in place.
 */
public final class WatchedService implements Demo {

    /** Size of every retained or burst chunk: small enough never to be a humongous object for G1. */
    private static final int CHUNK = 32 << 10;
    private static final long TICK_MILLIS = 100;
    /**
     * Where the leaks stop, so that a leaking run cannot take the console's lab JVM down: a minute or so of
     * growth, long after any rule should have fired.
     */
    private static final long CACHE_CAP = 200L << 20;
    private static final int WATCHERS_CAP = 1000;

    private final Plan plan;
    private final Random random = new Random();
    private final List<byte[]> baseline = new ArrayList<>();
    private final List<byte[]> cache = new ArrayList<>();
    private final CountDownLatch neverOpened = new CountDownLatch(1);
    private final AtomicInteger leakedThreads = new AtomicInteger();
    private final List<Thread> loops = new ArrayList<>();
    private ExecutorService idle;
    private ThreadPoolExecutor elastic;
    private volatile boolean running;
    /** Where garbage goes, so that the JIT cannot prove an allocation unused and drop it. */
    private volatile Object sink;

    /** A random leaking or healthy run, the way the console starts it. */
    public WatchedService() {
        this(Plan.random(new Random()));
    }

    /** A run of the given plan. */
    public WatchedService(Plan plan) {
        this.plan = plan;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        fill(baseline, plan.baselineMb() << 20);
        idle = Executors.newFixedThreadPool(plan.idleThreads(),
                Thread.ofPlatform().daemon().name("idle-worker-", 0).factory());
        ((ThreadPoolExecutor) idle).prestartAllCoreThreads();
        elastic = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 100, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("batch-worker-", 0).factory());
        loop("request-handler", this::handleRequests);
        loop("report-job", this::runReport);
        loop("batch-dispatcher", this::dispatchBatch);
        if (plan.leaking()) {
            loop("cache-refresher", this::refreshCache);
            loop("session-manager", this::openSession);
        }
    }

    private void loop(String name, Step step) {
        loops.add(Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                while (running) {
                    step.run();
                }
            } catch (InterruptedException e) {
                // closed
            }
        }));
    }

    /** About 25 MB a second of garbage that dies young: the sawtooth of heap used. */
    private void handleRequests() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            sink = new byte[400 + random.nextInt(200)];
        }
        Thread.sleep(TICK_MILLIS / 10);
    }

    /** Holds a burst of memory for 80 to 150 ms, every 600 to 1000 ms: tall spikes of heap used, none retained. */
    private void runReport() throws InterruptedException {
        Thread.sleep(600 + random.nextInt(400));
        List<byte[]> rows = new ArrayList<>();
        fill(rows, plan.burstMb() << 20);
        Thread.sleep(80 + random.nextInt(70));
        sink = rows.size();
    }

    /** Every 1 to 1.6 s, a burst of short tasks that grows the elastic pool; idle workers leave after 100 ms. */
    private void dispatchBatch() throws InterruptedException {
        Thread.sleep(1000 + random.nextInt(600));
        int tasks = plan.poolSwing() * 3 / 4 + random.nextInt(plan.poolSwing() / 4 + 1);
        for (int i = 0; i < tasks; i++) {
            long millis = 150 + random.nextInt(150);
            elastic.execute(() -> pause(millis));
        }
    }

    /** The leak: every entry is kept forever. */
    private void refreshCache() throws InterruptedException {
        Thread.sleep(TICK_MILLIS);
        synchronized (cache) {
            if ((long) cache.size() * CHUNK < CACHE_CAP) {
                fill(cache, (long) (plan.leakMbPerSecond() * (1 << 20) * TICK_MILLIS / 1000));
            }
        }
    }

    /** The thread leak: a watcher per session, waiting for a close that never comes. */
    private void openSession() throws InterruptedException {
        Thread.sleep((long) (1000 / plan.threadsPerSecond()));
        if (leakedThreads.get() >= WATCHERS_CAP) {
            return;
        }
        Thread.ofPlatform().daemon().name("session-watcher-" + leakedThreads.incrementAndGet()).start(() -> {
            try {
                neverOpened.await();
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    private static void fill(List<byte[]> into, long bytes) {
        for (long held = 0; held < bytes; held += CHUNK) {
            into.add(new byte[CHUNK]);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String status() {
        if (!running) {
            return "not running";
        }
        // Says nothing of the plan: whether this run leaks is for the learner's alert rules to find.
        return "serving requests, reports and batches; leaking or healthy, drawn at random. Watch it.";
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        loops.forEach(Thread::interrupt);
        neverOpened.countDown();
        idle.shutdownNow();
        elastic.shutdownNow();
        synchronized (cache) {
            cache.clear();
        }
        baseline.clear();
    }

    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    public static void main(String[] args) throws InterruptedException {
        WatchedService service = new WatchedService(args.length == 0 ? Plan.random(new Random()) : Plan.parse(args));
        service.start();
        System.out.println("watched-service ready");
        Thread.currentThread().join();
    }
}
