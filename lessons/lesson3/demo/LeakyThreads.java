package lesson3.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import workbench.harness.Demo;

/**
 * Demo {@code leaky-threads}: a service with several thread pools. One of them, chosen at random, leaks: now and
 * then one of its tasks calls a slow backend, then waits for a reply that never comes (on a queue, a latch, a lock
 * or a monitor that nobody will ever release), and the thread stays blocked forever. The other pools are decoys: a
 * big pool of idle workers and pools that grow in bursts and shrink again; in some runs a pool that shrinks faster
 * than the leak grows, so that the total thread count falls, in others a pool that grows faster than the leak,
 * steadily, and is perfectly healthy, one whose threads wait for reply after reply, and one that blocks in waves.
 *
 * <p>In the console: {@code /demo start leaky-threads}, then {@code ThreadSnapshots.dump()} and the lesson's
 * snippets. {@link #main} runs it in a JVM of its own, with {@code --seed=N}, {@code --shape=}one of
 * {@link Plan.Shape} and, to leak on another primitive than the shape's, {@code --primitive=}one of
 * {@link Plan.Primitive}; with {@value #EXECUTOR_PER_LEAK}, each leaking task runs on an executor of its own;
 * with {@value #LEAK_WHEN_TOLD}, the leak begins only when told.
 */
public final class LeakyThreads implements Demo {

    /** Printed by {@link #main} once every pool runs. */
    public static final String READY = "leaky-threads running";
    /** A line on standard input that starts a wave of the waving pool at once. */
    public static final String WAVE = "wave";
    /** The flag that gives each leaking task an executor of its own. */
    public static final String EXECUTOR_PER_LEAK = "--executor-per-leak";
    /** The flag that holds the leak back until {@value #LEAK} is read: a service that begins to leak while watched. */
    public static final String LEAK_WHEN_TOLD = "--leak-when-told";
    /** A line on standard input that begins the leak of a run started with {@value #LEAK_WHEN_TOLD}. */
    public static final String LEAK = "leak";
    /** The first leaking task comes this long after the leak begins. */
    private static final long FIRST_LEAK_MILLIS = 50;
    /**
     * When told, the first leaking task comes this long after: a snapshot taken as the service is told holds none of
     * the leak's threads, even on a busy machine.
     */
    private static final long FIRST_TOLD_LEAK_MILLIS = 150;

    private static final Duration KEEP_ALIVE = Duration.ofMillis(400);

    private final Plan plan;
    private final boolean executorPerLeak;
    private final boolean leakWhenTold;
    private final Random random = new Random();
    /** The shared table whose monitor a MONITOR leak holds forever. */
    private final RateTable rates = new RateTable();
    private final List<ExecutorService> executors = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> shrinkingLatches = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService waving;
    /** The leaking pool's thread names, shared with a healthy executor in runs with growing decoys. */
    private ThreadFactory leakNames;
    private Instant started;
    private boolean closed;

    /** A run with a random plan, the way the console starts it. */
    public LeakyThreads() {
        this(Plan.random(new Random(), new Random().nextBoolean() ? Plan.Shape.FALLING_TOTAL
                : Plan.Shape.GROWING_DECOYS));
    }

    /** A run with the given plan. */
    public LeakyThreads(Plan plan) {
        this(plan, false, false);
    }

    /**
     * @param executorPerLeak whether each leaking task gets an executor of its own, as a service that builds one per
     *                        request and never shuts it down: each executor's factory numbers its thread from 0, so
     *                        every leaked thread has the same name
     * @param leakWhenTold    whether the leak waits until {@value #LEAK} is read
     */
    LeakyThreads(Plan plan, boolean executorPerLeak, boolean leakWhenTold) {
        this.plan = plan;
        this.executorPerLeak = executorPerLeak;
        this.leakWhenTold = leakWhenTold;
    }

    /**
     * Runs the demo until killed: {@code --seed=N} picks the plan, {@code --shape=FALLING_TOTAL} its decoys,
     * {@code --primitive=PARK} what its leak waits on, {@value #EXECUTOR_PER_LEAK} where its threads come from,
     * {@value #LEAK_WHEN_TOLD} when it begins; each {@link #WAVE} read from standard input starts a wave, and
     * {@link #LEAK} begins the leak.
     */
    public static void main(String[] args) throws Exception {
        long seed = new Random().nextLong();
        Plan.Shape shape = Plan.Shape.FALLING_TOTAL;
        Plan.Primitive primitive = null;
        boolean executorPerLeak = false;
        boolean leakWhenTold = false;
        for (String arg : args) {
            if (arg.startsWith("--seed=")) {
                seed = Long.parseLong(arg.substring("--seed=".length()));
            } else if (arg.startsWith("--shape=")) {
                shape = Plan.Shape.valueOf(arg.substring("--shape=".length()));
            } else if (arg.startsWith("--primitive=")) {
                primitive = Plan.Primitive.valueOf(arg.substring("--primitive=".length()));
            } else if (arg.equals(EXECUTOR_PER_LEAK)) {
                executorPerLeak = true;
            } else if (arg.equals(LEAK_WHEN_TOLD)) {
                leakWhenTold = true;
            }
        }
        Plan plan = Plan.fromSeed(seed, shape);
        LeakyThreads demo = new LeakyThreads(primitive == null ? plan : plan.withPrimitive(primitive), executorPerLeak,
                leakWhenTold);
        demo.start();
        System.out.println(READY);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals(WAVE)) {
                demo.wave();
            } else if (line.equals(LEAK)) {
                demo.leak(FIRST_TOLD_LEAK_MILLIS);
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public synchronized void start() {
        started = Instant.now();
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("scheduler").factory());
        startSteady();
        plan.bursty().forEach(this::startBursty);
        startLeaking();
        if (plan.shrinking() != null) {
            startShrinking();
        }
        if (plan.warming() != null) {
            startWarming();
        }
        if (plan.rising() != null) {
            startRising();
        }
        if (plan.chatting() != null) {
            startChatting();
        }
        if (plan.waving() != null) {
            waving = Executors.newThreadPerTaskExecutor(factory(plan.waving()));
            executors.add(waving);
            scheduler.scheduleAtFixedRate(this::wave, 0, Plan.WAVE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A batch of {@link Plan#WAVE_SIZE} threads of the waving pool that block together on one latch, released
     * together {@link Plan#WAVE_HOLD_MILLIS} later: many threads stuck at one moment, yet healthy. Nothing in a
     * run without a waving pool.
     */
    public synchronized void wave() {
        if (waving == null || closed) {
            return;
        }
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < Plan.WAVE_SIZE; i++) {
            waving.execute(() -> awaitQuietly(release));
        }
        scheduler.schedule(release::countDown, Plan.WAVE_HOLD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The pools of this run, in an order that says nothing about which one leaks. */
    public List<String> pools() {
        return plan.pools().stream().map(Plan::poolKey).toList();
    }

    @Override
    public synchronized String status() {
        long seconds = started == null ? 0 : Duration.between(started, Instant.now()).toSeconds();
        return "%d pools %s, %d live threads in this JVM, running for %d s".formatted(plan.pools().size(),
                pools(), ManagementFactory.getThreadMXBean().getThreadCount(), seconds);
    }

    @Override
    public synchronized void close() {
        if (closed || scheduler == null) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        try {
            // let a task that is submitting work finish first, so that no task starts after the pools stop
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executors.forEach(ExecutorService::shutdownNow);
        shrinkingLatches.forEach(CountDownLatch::countDown);
    }

    /** Idle workers waiting on their queue: many, waiting, and perfectly healthy. */
    private void startSteady() {
        ThreadPoolExecutor steady = (ThreadPoolExecutor) Executors.newFixedThreadPool(plan.steadySize(),
                factory(plan.steady()));
        steady.prestartAllCoreThreads();
        executors.add(steady);
        scheduler.scheduleAtFixedRate(() -> steady.execute(LeakyThreads::shortWork), 100, 150, TimeUnit.MILLISECONDS);
    }

    /** Bursts of tasks that wait for a reply that does come, after a while; idle threads end soon after. */
    private void startBursty(String pool) {
        ExecutorService bursty = cachedPool(factory(pool));
        executors.add(bursty);
        boolean small = plan.shape() == Plan.Shape.FALLING_TOTAL;
        // small bursts come seldom enough that at most one is alive at a time: the total must keep falling
        scheduleBursts(bursty, 2, plan.maxBurst(), small ? 1_500 : 600, small ? 2_500 : 2_200, 200, 800);
    }

    private void scheduleBursts(ExecutorService pool, int minSize, int maxSize, int minGap, int maxGap,
                                int minWait, int maxWait) {
        scheduler.schedule(() -> {
            int size = minSize + random.nextInt(maxSize - minSize + 1);
            for (int i = 0; i < size; i++) {
                CountDownLatch reply = new CountDownLatch(1);
                pool.execute(() -> awaitQuietly(reply));
                scheduler.schedule(reply::countDown, minWait + random.nextInt(maxWait - minWait),
                        TimeUnit.MILLISECONDS);
            }
            if (!pool.isShutdown()) {
                scheduleBursts(pool, minSize, maxSize, minGap, maxGap, minWait, maxWait);
            }
        }, minGap + random.nextInt(maxGap - minGap), TimeUnit.MILLISECONDS);
    }

    /**
     * Every leak period one task that calls a slow backend, then waits for a reply nobody will ever send. In runs
     * with growing decoys the same pool also serves short bursts of healthy work, on an executor of its own that
     * names its threads with the same factory (so its count goes down now and then); in runs without a leak, only
     * those.
     */
    private void startLeaking() {
        leakNames = factory(plan.leaking());
        if (!leakWhenTold) {
            leak(FIRST_LEAK_MILLIS);
        }
        if (plan.shape() != Plan.Shape.FALLING_TOTAL) {
            ExecutorService healthy = cachedPool(leakNames);
            executors.add(healthy);
            scheduleBursts(healthy, 3, 5, 1_000, 1_500, 150, 350);
        }
    }

    /** Begins the leak, its first task {@code firstMillis} from now; nothing in a run without a leak. */
    private synchronized void leak(long firstMillis) {
        if (!plan.leaks() || closed) {
            return;
        }
        if (executorPerLeak) {
            scheduler.scheduleAtFixedRate(() -> {
                ExecutorService perRequest = Executors.newSingleThreadExecutor(factory(plan.leaking()));
                executors.add(perRequest);
                perRequest.execute(this::waitForALostReply);
            }, firstMillis, plan.leakMillis(), TimeUnit.MILLISECONDS);
        } else {
            ExecutorService leaking = cachedPool(leakNames);
            executors.add(leaking);
            scheduler.scheduleAtFixedRate(() -> leaking.execute(this::waitForALostReply), firstMillis,
                    plan.leakMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts with many waiting threads and lets them go one by one, faster than the leak grows. */
    private void startShrinking() {
        ExecutorService shrinking = cachedPool(factory(plan.shrinking()));
        executors.add(shrinking);
        for (int i = 0; i < plan.shrinkSize(); i++) {
            CountDownLatch release = new CountDownLatch(1);
            shrinkingLatches.add(release);
            shrinking.execute(() -> awaitQuietly(release));
        }
        int[] next = {0};
        scheduler.scheduleAtFixedRate(() -> {
            if (next[0] < shrinkingLatches.size()) {
                shrinkingLatches.get(next[0]++).countDown();
            }
        }, 50 + plan.shrinkMillis(), plan.shrinkMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A pool warming up under rising traffic: each task starts a new worker until the pool is full, and idle workers
     * wait for more work with a time limit (core threads time out). It grows faster than the leak, and is healthy.
     */
    private void startWarming() {
        int size = (int) (Plan.GROWS_MILLIS / plan.warmMillis()) + 10;
        ThreadPoolExecutor warming = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory(plan.warming()));
        warming.allowCoreThreadTimeOut(true);
        executors.add(warming);
        scheduler.scheduleAtFixedRate(() -> warming.execute(LeakyThreads::shortWork), 30, plan.warmMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Traffic that rises second by second, each request waiting without a time limit for a reply that does come
     * within {@link Plan#LONGEST_REPLY_MILLIS}: ever more threads wait at once, and every one of them wakes. A
     * thread per request, so that the pool's count rises with the traffic.
     */
    private void startRising() {
        ExecutorService rising = Executors.newThreadPerTaskExecutor(factory(plan.rising()));
        executors.add(rising);
        scheduleRequest(rising, System.nanoTime());
    }

    /**
     * Conversations that begin one after another for {@link Plan#RISES_MILLIS} and go on as long as the service
     * runs, each waiting for reply after reply on a fresh latch: WAITING on the same kind of blocker in every
     * snapshot, like a leaked thread, yet woken every few hundred milliseconds, which only its waited count shows.
     */
    private void startChatting() {
        ExecutorService chatting = Executors.newThreadPerTaskExecutor(factory(plan.chatting()));
        executors.add(chatting);
        int conversations = (int) (Plan.RISES_MILLIS / Plan.CHAT_EVERY_MILLIS);
        for (int i = 0; i < conversations; i++) {
            scheduler.schedule(() -> chatting.execute(this::converse), (long) i * Plan.CHAT_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void converse() {
        while (!Thread.currentThread().isInterrupted()) {
            CountDownLatch reply = new CountDownLatch(1);
            try {
                scheduler.schedule(reply::countDown, 50 + random.nextInt(Plan.LONGEST_CHAT_REPLY_MILLIS - 50),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                return;  // the service stopped
            }
            awaitQuietly(reply);
        }
    }

    private void scheduleRequest(ExecutorService pool, long began) {
        double seconds = Math.min(Plan.RISES_MILLIS, (System.nanoTime() - began) / 1_000_000) / 1000.0;
        double perSecond = 2 + Plan.RISE_PER_SECOND * seconds;
        scheduler.schedule(() -> {
            CountDownLatch reply = new CountDownLatch(1);
            pool.execute(() -> awaitQuietly(reply));
            scheduler.schedule(reply::countDown, 200 + random.nextInt(Plan.LONGEST_REPLY_MILLIS - 200),
                    TimeUnit.MILLISECONDS);
            if (!pool.isShutdown()) {
                scheduleRequest(pool, began);
            }
        }, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    /** The bug: the reply's only other holder was a callback that got lost, so this waits forever. */
    private void waitForALostReply() {
        try {
            for (int attempt = 0; attempt < Plan.BACKEND_TRIES; attempt++) {
                Thread.sleep(plan.leakDelay() / Plan.BACKEND_TRIES);  // the slow backend, retried, comes back
            }
            switch (plan.primitive()) {
                case QUEUE -> {
                    BlockingQueue<String> reply = new LinkedBlockingQueue<>();
                    reply.take();
                }
                case MONITOR -> {
                    synchronized (rates) {  // the first to get here never leaves: every later one stays BLOCKED
                        new CountDownLatch(1).await();
                    }
                }
                case PARK -> {
                    while (!Thread.currentThread().isInterrupted()) {  // the unpark was the lost callback's to do
                        LockSupport.park();
                    }
                }
                case LATCH -> new CountDownLatch(1).await();  // the count down was the lost callback's to do
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService cachedPool(ThreadFactory names) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), names);
    }

    private static ThreadFactory factory(String pool) {
        return Thread.ofPlatform().daemon().name(Plan.threadPrefix(pool), 0).factory();
    }

    /** Exchange rates every task of the leaking pool reads under the table's monitor. */
    private static final class RateTable {
    }

    /** A quick call to some backend. */
    private static void shortWork() {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
