package lesson5.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import workbench.harness.Demo;

/**
 * Demo {@code watched-service}: a service to put alerts on. Every run follows a {@link Plan}: leaking or healthy,
 * heap and threads each on their own, with random rates and baselines.
 *
 * <ul>
 *   <li>Always: a long-lived baseline on the heap, a steady stream of short-lived garbage (the sawtooth), a
 *       report job that now and then holds a burst of memory for a moment, idle workers, and an elastic pool
 *       that grows by many workers for each burst of work and shrinks back soon after.
 *   <li>Sometimes, and healthy: a cache and a connection pool that fill up slowly towards their maximum, and
 *       one-off events (a cache loaded, a report held longer, a pool resized, a flood of tasks).
 *   <li>Leaking: a cache that only grows, or session watchers that never end (waiting on a latch nobody opens,
 *       polling it with a time-out, blocked on a lock nobody releases, or reading a socket whose peer never
 *       writes; one of these or several in turn), or both.
 * </ul>
 *
 * Leaks and fills follow the clock, not a count of loops, so that a busy machine does not slow them. A leaking
 * run's cache stops at 200 MB and its watchers at 1,000 threads, so that the console's lab JVM survives it.
 *
 * <p>As a program it runs the plan given as arguments (see {@link Plan#args()}), or a random one, until killed,
 * and prints {@value #READY} once its baseline is in place. Its one-off events wait for a watcher to say when its
 * window opens, through the MXBean {@value #WINDOW_MBEAN} ({@link WindowMXBean}).
 */
public final class WatchedService implements Demo {

    /** What {@link #main(String[])} prints once the service runs. */
    public static final String READY = "watched-service ready";
    /** Where {@link #main(String[])} registers its {@link WindowMXBean}. */
    public static final String WINDOW_MBEAN = "lesson5.demo:type=WatchedService";

    private static final double MB = 1 << 20;
    /** Size of every retained or burst chunk: small enough never to be a humongous object for G1. */
    static final int CHUNK = 32 << 10;
    private static final long TICK_MILLIS = 100;
    /**
     * Where the leaks stop, so that a leaking run cannot take the console's lab JVM down: a minute or so of
     * growth, long after any rule should have fired.
     */
    private static final long CACHE_CAP = 200L << 20;
    private static final int WATCHERS_CAP = 1000;
    /** The maximum a warming cache, or a batch's results, fills up to. */
    private static final long WARMING_CAP = 64L << 20;
    /**
     * The connection pool's maximum, which it fills up to: at 1.6 a second, not within a minute, so not before a
     * check's window closes (up to 45 s of start-up, then 15 s).
     */
    private static final int CONNECTIONS_CAP = 100;

    private final Plan plan;
    private final Random random = new Random();
    private final List<byte[]> baseline = new ArrayList<>();
    private final List<byte[]> loaded = new ArrayList<>();
    /** Reports held longer than usual, each dropped when its time is up. */
    private final List<List<byte[]>> held = new ArrayList<>();
    /** Opened only by {@link #close()}: what stuck watchers and pool connections wait for. */
    private final CountDownLatch closed = new CountDownLatch(1);
    /** Held by one thread until {@link #close()}: what watchers stuck in BLOCKED wait for. */
    private final Object sessionLock = new Object();
    /**
     * What watchers stuck TIMED_WAITING poll for the close: a table whose every change wakes them all, to queue
     * BLOCKED for it before they wait again.
     */
    private final Object sessionTable = new Object();
    /** What watchers stuck RUNNABLE read from: a loopback peer that takes every connection and never writes. */
    private ServerSocket silentPeer;
    private final List<Socket> silentConnections = new ArrayList<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    /** Started by {@link #start()}, and by events on the scheduler's thread. */
    private final List<Thread> loops = Collections.synchronizedList(new ArrayList<>());
    /** The heap leak and the warming cache, from {@link #start()}. */
    private GrowingCache cache;
    private GrowingCache warming;
    /** The thread leak's pace, in threads, from {@link #start()}. */
    private DuePace threadLeak;
    private ThreadPoolExecutor idle;
    private ThreadPoolExecutor elastic;
    private ScheduledExecutorService events;
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
        fill(baseline, (long) plan.heap().baselineMb() << 20);
        idle = new ThreadPoolExecutor(plan.threads().idle(), plan.threads().idle(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("idle-worker-", 0).factory());
        idle.prestartAllCoreThreads();
        elastic = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 100, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("batch-worker-", 0).factory());
        events = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("scheduler").factory());
        // Leaks and fills count from here.
        long origin = System.currentTimeMillis();
        cache = new GrowingCache(plan.heap().leakMbPerSecond(), CACHE_CAP, origin);
        warming = new GrowingCache(plan.heap().warmingMbPerSecond(), WARMING_CAP, origin);
        threadLeak = new DuePace(plan.threads().leakPerSecond(), origin);
        loop("request-handler", this::handleRequests);
        loop("report-job", this::runReport);
        loop("batch-dispatcher", this::dispatchBatch);
        if (plan.heap().leaks()) {
            loop("cache-refresher", () -> grow(cache));
        }
        if (plan.heap().warmingMbPerSecond() > 0) {
            loop("cache-warmer", () -> grow(warming));
        }
        if (plan.threads().leaks()) {
            if (plan.threads().stuckIn().contains(Thread.State.BLOCKED)) {
                loop("session-janitor", this::holdSessionLock);
            }
            if (plan.threads().stuckIn().contains(Thread.State.TIMED_WAITING)) {
                loop("session-table", this::changeSessionTable);
            }
            if (plan.threads().stuckIn().contains(Thread.State.RUNNABLE)) {
                silentPeer = listenOnLoopback();
                loop("session-peer", this::takeSilently);
            }
            loop("session-manager", () -> startDue(watchers, threadLeak, WATCHERS_CAP, "session-watcher-",
                    this::watchSession));
        }
        if (plan.threads().warmingPerSecond() > 0) {
            DuePace opening = new DuePace(plan.threads().warmingPerSecond(), origin);
            loop("connection-pool", () -> startDue(connections, opening, CONNECTIONS_CAP, "connection-reader-",
                    number -> readConnection()));
        }
    }

    /**
     * Schedules the plan's one-off events, whose times count from {@code epochMillis}: the moment a watcher's
     * window opens. An event whose moment has passed happens at once.
     */
    public void openWindowAt(long epochMillis) {
        long now = System.currentTimeMillis();
        for (Plan.Event event : plan.events()) {
            events.schedule(() -> happen(event), epochMillis + event.atMillis() - now, TimeUnit.MILLISECONDS);
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

    /** Short-lived garbage at the plan's pace, in requests of a few hundred bytes: the sawtooth of heap used. */
    private void handleRequests() throws InterruptedException {
        long perTick = (long) (plan.heap().trafficMbPerSecond() * MB * 10 / 1000);
        for (long made = 0; made < perTick; ) {
            byte[] request = new byte[400 + random.nextInt(200)];
            sink = request;
            made += request.length;
        }
        Thread.sleep(10);
    }

    /** Holds a burst of memory for 80 to 150 ms, every 600 to 1000 ms: tall spikes of heap used, none retained. */
    private void runReport() throws InterruptedException {
        Thread.sleep(600 + random.nextInt(400));
        List<byte[]> rows = new ArrayList<>();
        fill(rows, (long) plan.heap().burstMb() << 20);
        Thread.sleep(80 + random.nextInt(70));
        sink = rows.size();
    }

    /** Every 1 to 1.6 s, a burst of short tasks that grows the elastic pool; idle workers leave after 100 ms. */
    private void dispatchBatch() throws InterruptedException {
        Thread.sleep(1000 + random.nextInt(600));
        int swing = plan.threads().poolSwing();
        int tasks = swing * 3 / 4 + random.nextInt(swing / 4 + 1);
        for (int i = 0; i < tasks; i++) {
            submit(150 + random.nextInt(150));
        }
    }

    /** Keeps a growing cache at what its pace has made due by now. */
    private static void grow(GrowingCache growing) throws InterruptedException {
        Thread.sleep(TICK_MILLIS);
        growing.grow(System.currentTimeMillis());
    }

    /**
     * Starts threads until as many as the pace makes due are started, up to {@code cap} of them; each runs
     * {@code body} with its number, counted from 1.
     */
    private static void startDue(AtomicInteger started, DuePace pace, int cap, String name, IntConsumer body)
            throws InterruptedException {
        Thread.sleep(Math.min(TICK_MILLIS, (long) (500 / pace.perSecond())));
        long due = Math.min(cap, (long) pace.due(System.currentTimeMillis()));
        while (started.get() < due) {
            int number = started.incrementAndGet();
            Thread.ofPlatform().daemon().name(name + number).start(() -> body.accept(number));
        }
    }

    /**
     * The thread leak: a watcher per session, stuck until a close that never comes, in the next of the plan's states.
     */
    private void watchSession(int number) {
        List<Thread.State> states = plan.threads().stuckIn();
        try {
            switch (states.get((number - 1) % states.size())) {
                case TIMED_WAITING -> {
                    synchronized (sessionTable) {
                        while (closed.getCount() > 0) {
                            sessionTable.wait(1000);
                        }
                    }
                }
                case BLOCKED -> {
                    synchronized (sessionLock) {
                        sink = this;
                    }
                }
                case RUNNABLE -> readSilentPeer();
                default -> closed.await();
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private static ServerSocket listenOnLoopback() {
        try {
            return new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the next connection and keeps it open, writing nothing, until {@link #close()}. */
    private void takeSilently() {
        try {
            Socket connection = silentPeer.accept();
            synchronized (silentConnections) {
                silentConnections.add(connection);
            }
        } catch (IOException e) {
            // closed
        }
    }

    /**
     * Waits in a socket read that no data ever ends: the thread is in native code, which the JVM reports as
     * RUNNABLE, though it never runs a line of Java again.
     */
    private void readSilentPeer() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), silentPeer.getLocalPort())) {
            socket.getInputStream().read();
        } catch (IOException e) {
            // the peer closed
        }
    }

    /**
     * Every 1 to 1.4 s, changes the session table for 300 to 400 ms and wakes every watcher polling it: they all
     * leave TIMED_WAITING together and wait, BLOCKED, until the change is done. Stuck threads change state too.
     */
    private void changeSessionTable() throws InterruptedException {
        Thread.sleep(1000 + random.nextInt(400));
        synchronized (sessionTable) {
            sessionTable.notifyAll();
            Thread.sleep(300 + random.nextInt(100));
        }
    }

    /** Takes the session lock and never lets go while the service runs: every watcher that wants it blocks. */
    private void holdSessionLock() throws InterruptedException {
        synchronized (sessionLock) {
            while (running) {
                Thread.sleep(TICK_MILLIS);
            }
        }
    }

    /** A pooled connection's reader: waits for data for as long as the service runs. */
    private void readConnection() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void happen(Plan.Event event) {
        switch (event.kind()) {
            case LOAD -> {
                synchronized (loaded) {
                    fill(loaded, (long) event.amount() << 20);
                }
            }
            case LOAD_UP_TO -> {
                long held = cache.bytes() + warming.bytes();
                for (List<byte[]> data : List.of(baseline, loaded)) {
                    synchronized (data) {
                        held += (long) data.size() * CHUNK;
                    }
                }
                synchronized (loaded) {
                    fill(loaded, ((long) event.amount() << 20) - held);
                }
            }
            case HOLD -> {
                List<byte[]> report = new ArrayList<>();
                fill(report, (long) event.amount() << 20);
                synchronized (held) {
                    held.add(report);
                }
                events.schedule(() -> {
                    synchronized (held) {
                        held.remove(report);
                    }
                }, event.forMillis(), TimeUnit.MILLISECONDS);
            }
            case COLLECT -> System.gc();
            case RESTART_CACHES -> {
                cache.restart(System.currentTimeMillis());
                warming.restart(System.currentTimeMillis());
            }
            case LEAK_PACE -> cache.pace(event.amount() / 1024.0, System.currentTimeMillis());
            case THREAD_LEAK_PACE -> threadLeak.change(event.amount() / 60.0, System.currentTimeMillis());
            case RESIZE -> {
                idle.setMaximumPoolSize(idle.getMaximumPoolSize() + event.amount());
                idle.setCorePoolSize(idle.getMaximumPoolSize());
                idle.prestartAllCoreThreads();
            }
            case SURGE -> {
                for (int i = 0; i < event.amount(); i++) {
                    submit(event.forMillis());
                }
            }
            case CONTEND -> contend(event.amount(), event.forMillis());
            case THREAD_PER_TASK -> {
                ThreadFactory perTask = Thread.ofPlatform().daemon().name("task-thread-", 0).factory();
                loop("task-starter", () -> {
                    Thread.sleep(1000 / event.amount());
                    perTask.newThread(task(event.forMillis())).start();
                });
            }
        }
    }

    /** A maintenance task holds a lock for {@code millis} while {@code waiters} threads wait, BLOCKED, to enter it. */
    private void contend(int waiters, long millis) {
        Object maintenance = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        Thread.ofPlatform().name("maintenance").start(() -> {
            synchronized (maintenance) {
                holding.countDown();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            holding.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int i = 0; i < waiters; i++) {
            Thread.ofPlatform().name("maintenance-waiter-" + i).start(() -> {
                synchronized (maintenance) {
                    sink = maintenance;
                }
            });
        }
    }

    private void submit(long millis) {
        elastic.execute(task(millis));
    }

    /** A task that lasts {@code millis}. */
    private static Runnable task(long millis) {
        return () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    static void fill(List<byte[]> into, long bytes) {
        for (long added = 0; added < bytes; added += CHUNK) {
            into.add(new byte[CHUNK]);
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
        closed.countDown();
        events.shutdownNow();
        idle.shutdownNow();
        elastic.shutdownNow();
        closeSilentPeer();
        for (List<?> list : List.of(baseline, loaded, held)) {
            synchronized (list) {
                list.clear();
            }
        }
        cache.clear();
        warming.clear();
    }

    private void closeSilentPeer() {
        if (silentPeer == null) {
            return;
        }
        try {
            silentPeer.close();
            synchronized (silentConnections) {
                for (Socket connection : silentConnections) {
                    connection.close();
                }
                silentConnections.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws InterruptedException;
    }

    /** How a watcher tells a running service when its window opens. */
    public interface WindowMXBean {
        /** See {@link WatchedService#openWindowAt(long)}. */
        void openAt(long epochMillis);
    }

    public static void main(String[] args) throws Exception {
        WatchedService service = new WatchedService(args.length == 0 ? Plan.random(new Random()) : Plan.parse(args));
        service.start();
        ManagementFactory.getPlatformMBeanServer().registerMBean(
                new StandardMBean((WindowMXBean) service::openWindowAt, WindowMXBean.class, true),
                new ObjectName(WINDOW_MBEAN));
        System.out.println(READY);
        Thread.currentThread().join();
    }
}
