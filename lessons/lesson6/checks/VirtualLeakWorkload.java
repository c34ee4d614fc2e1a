package lesson6.checks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * The JVM exercise {@code leaked-virtual-threads} examines: virtual threads blocked forever on a queue, latch, lock
 * or monitor that nothing alive can reach any more, among virtual threads that wait on the same kinds of primitive
 * for half a minute and then finish (some parked without a blocker), a pool of idle consumers larger than every leak
 * together beside consumers of a forgotten queue, sleepers, threads that come and go, and one leaked platform thread.
 * Leaks and decoys share executors and blocker classes. Sizes and names come from a seed. Prints the ids of the leaked
 * virtual threads ({@link #LEAKED}) and of the decoys, then {@link #READY}; told {@value #MORE}, it starts every leak
 * and decoy once more, so that a second wave leaks while the first stays leaked.
 */
public final class VirtualLeakWorkload {

    static final String LEAKED = "leaked ";
    static final String DECOYS = "decoys ";
    static final String READY = "virtual leaks ready";
    /** Told on standard input: leak and start as many threads again, then list every leak and decoy so far. */
    static final String MORE = "more";

    private static final List<String> NAMES = List.of("ingest", "mailer", "billing", "render", "sync", "export",
            "webhook", "audit");
    /** What keeps the decoys' primitives reachable, and executors alive. */
    private static final List<Object> KEPT = Collections.synchronizedList(new ArrayList<>());
    private static final Set<Long> LEAKED_IDS = ConcurrentHashMap.newKeySet();
    private static final Set<Long> DECOY_IDS = ConcurrentHashMap.newKeySet();
    /** Turns each of two threads takes in {@code Object.wait}: thousands of calls, so that the JIT compiles it. */
    private static final int WARM_UP_TURNS = 5_000;
    /** Time for the compiler thread to install what those calls asked for, even on a busy machine. */
    private static final long COMPILER_CATCH_UP_MILLIS = 300;

    private final Random random;
    private final long releaseAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);

    private VirtualLeakWorkload(Random random) {
        this.random = random;
    }

    public static void main(String[] args) throws Exception {
        VirtualLeakWorkload workload = new VirtualLeakWorkload(new Random(Long.parseLong(args[0])));
        workload.churn(Executors.newVirtualThreadPerTaskExecutor());
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        workload.startAll();
        report();
        while (MORE.equals(input.readLine())) {
            compileObjectWait();
            workload.startAll();
            report();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void report() {
        System.out.println(LEAKED + ids(LEAKED_IDS));
        System.out.println(DECOYS + ids(DECOY_IDS));
        System.out.println(READY);
    }

    /**
     * Has the JIT compile {@code Object.wait} before the second wave: two virtual threads hand a turn back and forth
     * through {@code wait()} and {@code notifyAll()}. Compiled, it keeps no reference to its monitor while it waits,
     * so the JSON thread dump names no blocker for that wave's waiters, while the first wave's, waiting in the
     * interpreter, still name theirs.
     */
    private static void compileObjectWait() throws InterruptedException {
        Object monitor = new Object();
        int[] turn = {0};
        List<Thread> players = new ArrayList<>();
        for (int player = 0; player < 2; player++) {
            int mine = player;
            players.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < WARM_UP_TURNS; i++) {
                    synchronized (monitor) {
                        while (turn[0] != mine) {
                            try {
                                monitor.wait();
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        turn[0] = 1 - mine;
                        monitor.notifyAll();
                    }
                }
            }));
        }
        for (Thread player : players) {
            player.join();
        }
        Thread.sleep(COMPILER_CATCH_UP_MILLIS);
    }

    /** One wave of leaks and decoys, awaited in place together with those of the waves before. */
    private void startAll() throws InterruptedException {
        int leakedBefore = LEAKED_IDS.size();
        int decoysBefore = DECOY_IDS.size();
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        ExecutorService unnamed = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService named = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(names.get(0) + "-", 0)
                .factory());
        KEPT.add(unnamed);
        KEPT.add(named);
        int[] leaks = {1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(3), 1 + random.nextInt(3),
                1 + random.nextInt(3), 1 + random.nextInt(3), 2 + random.nextInt(3)};
        int[] decoys = {2 + random.nextInt(4), 2 + random.nextInt(4), 1 + random.nextInt(3), 16 + random.nextInt(12),
                2 + random.nextInt(4), 1 + random.nextInt(3), 2 + random.nextInt(3), 1 + random.nextInt(3),
                2 + random.nextInt(3)};
        handOverToNobody(unnamed, leaks[0]);
        handOverLater(unnamed, decoys[0]);
        awaitForgottenLatch(named, leaks[1]);
        awaitLatchReleasedLater(named, decoys[1]);
        awaitForgottenReply(unnamed, leaks[4]);
        awaitReplyCompletedLater(unnamed, decoys[7]);
        lockForgottenLock(names.get(1), leaks[2]);
        lockLockReleasedLater(names.get(1), decoys[2]);
        waitOnForgottenMonitor(names.get(5), leaks[3]);
        waitOnMonitorNotifiedLater(names.get(5), decoys[5]);
        parkUnparkedLater(names.get(6), decoys[6]);
        enterMonitorHeldForever(names.get(7), leaks[6]);
        enterMonitorHeldLater(names.get(7), decoys[8]);
        idleConsumers(names.get(2), decoys[3], leaks[5]);
        sleepers(names.get(3), decoys[4]);
        leakPlatformThread(names.get(4));
        sleepBeside(unnamed);
        sleepBeside(named);
        // The monitor's owner is leaked besides the threads blocked on it; the two sleepers beside are decoys.
        awaitInPlace(leakedBefore + IntStream.of(leaks).sum() + 1, decoysBefore + IntStream.of(decoys).sum() + 2);
    }

    /** Tasks blocked forever on a SynchronousQueue that nobody holds: leaked, though their executor is alive. */
    private static void handOverToNobody(ExecutorService executor, int tasks) {
        SynchronousQueue<String> nobodyTakes = new SynchronousQueue<>();
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                LEAKED_IDS.add(Thread.currentThread().threadId());
                nobodyTakes.put("never taken");
                return null;
            });
        }
    }

    /** Tasks blocked on a SynchronousQueue that a live consumer drains in half a minute: not leaked. */
    private void handOverLater(ExecutorService executor, int tasks) {
        SynchronousQueue<String> later = new SynchronousQueue<>();
        KEPT.add(later);
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                DECOY_IDS.add(Thread.currentThread().threadId());
                later.put("taken later");
                return null;
            });
        }
        Thread.ofPlatform().daemon().name("late-consumer").start(() -> {
            sleepUntilRelease();
            for (int i = 0; i < tasks; i++) {
                later.poll();
            }
        });
    }

    private static void awaitForgottenLatch(ExecutorService executor, int tasks) {
        CountDownLatch forgotten = new CountDownLatch(1);
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                LEAKED_IDS.add(Thread.currentThread().threadId());
                forgotten.await();
                return null;
            });
        }
    }

    private void awaitLatchReleasedLater(ExecutorService executor, int tasks) {
        CountDownLatch later = new CountDownLatch(1);
        KEPT.add(later);
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                DECOY_IDS.add(Thread.currentThread().threadId());
                later.await();
                return null;
            });
        }
        Thread.ofPlatform().daemon().name("latch-releaser").start(() -> {
            sleepUntilRelease();
            later.countDown();
        });
    }

    /** Tasks waiting for a reply whose future the caller dropped: nothing alive will ever complete it. */
    private static void awaitForgottenReply(ExecutorService executor, int tasks) {
        CompletableFuture<String> dropped = new CompletableFuture<>();
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                LEAKED_IDS.add(Thread.currentThread().threadId());
                return dropped.join();
            });
        }
    }

    /** Tasks waiting for a reply that a live thread sends in half a minute: waiting in the same way, not leaked. */
    private void awaitReplyCompletedLater(ExecutorService executor, int tasks) {
        CompletableFuture<String> later = new CompletableFuture<>();
        KEPT.add(later);
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                DECOY_IDS.add(Thread.currentThread().threadId());
                return later.join();
            });
        }
        Thread.ofPlatform().daemon().name("late-replier").start(() -> {
            sleepUntilRelease();
            later.complete("sent late");
        });
    }

    /** Threads waiting for a lock whose owner ended without unlocking it, and which nobody else holds. */
    private static void lockForgottenLock(String pool, int threads) throws InterruptedException {
        ReentrantLock abandoned = new ReentrantLock();
        Thread.ofVirtual().name(pool + "-owner").start(abandoned::lock).join();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + i).unstarted(abandoned::lock);
            LEAKED_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /** Threads waiting for a lock that a live thread holds for half a minute, then releases. */
    private void lockLockReleasedLater(String pool, int threads) throws InterruptedException {
        ReentrantLock held = new ReentrantLock();
        CountDownLatch locked = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name(pool + "-holder").start(() -> {
            held.lock();
            locked.countDown();
            sleepUntilRelease();
            held.unlock();
        });
        locked.await();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + (100 + i)).unstarted(() -> {
                held.lock();
                held.unlock();
            });
            DECOY_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /** Threads waiting in {@code Object.wait} on a monitor that nobody else holds: they would wait forever. */
    private static void waitOnForgottenMonitor(String pool, int threads) {
        Reply forgotten = new Reply();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + i).unstarted(forgotten::await);
            LEAKED_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /** Threads waiting in {@code Object.wait} on a monitor of the same class that a live thread notifies later. */
    private void waitOnMonitorNotifiedLater(String pool, int threads) {
        Reply later = new Reply();
        KEPT.add(later);
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + (100 + i)).unstarted(later::await);
            DECOY_IDS.add(thread.threadId());
            thread.start();
        }
        Thread.ofPlatform().daemon().name("reply-sender").start(() -> {
            sleepUntilRelease();
            later.send();
        });
    }

    /**
     * Threads blocked entering a monitor that a leaked thread holds while it waits forever on a queue nobody holds:
     * they can never enter, and the owner is leaked too.
     */
    private static void enterMonitorHeldForever(String pool, int threads) throws InterruptedException {
        Reply monitor = new Reply();
        BlockingQueue<String> forgotten = new LinkedBlockingQueue<>();
        CountDownLatch entered = new CountDownLatch(1);
        Thread owner = Thread.ofVirtual().name(pool + "-owner").unstarted(() -> {
            synchronized (monitor) {
                entered.countDown();
                try {
                    forgotten.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        LEAKED_IDS.add(owner.threadId());
        owner.start();
        entered.await();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + i).unstarted(monitor::send);
            LEAKED_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /** Threads blocked entering a monitor of the same class that a live thread holds for half a minute. */
    private void enterMonitorHeldLater(String pool, int threads) throws InterruptedException {
        Reply monitor = new Reply();
        CountDownLatch entered = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name(pool + "-holder").start(() -> {
            synchronized (monitor) {
                entered.countDown();
                sleepUntilRelease();
            }
        });
        entered.await();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + (100 + i)).unstarted(monitor::send);
            DECOY_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /**
     * Threads parked without a blocker object ({@code LockSupport.park()}), whose {@code Thread}s a live thread holds
     * and unparks in half a minute: nothing to trace from a blocker, yet not leaked.
     */
    private void parkUnparkedLater(String pool, int threads) {
        AtomicBoolean released = new AtomicBoolean();
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + (200 + i)).unstarted(() -> {
                while (!released.get()) {
                    LockSupport.park();
                }
            });
            DECOY_IDS.add(thread.threadId());
            parked.add(thread);
            thread.start();
        }
        Thread.ofPlatform().daemon().name("unparker").start(() -> {
            sleepUntilRelease();
            released.set(true);
            parked.forEach(LockSupport::unpark);
        });
    }

    /** A reply that waiters wait for in {@code Object.wait}, as code written before java.util.concurrent does. */
    private static final class Reply {

        private boolean sent;

        synchronized void await() {
            while (!sent) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        synchronized void send() {
            sent = true;
            notifyAll();
        }
    }

    /**
     * A big pool of consumers idle on a queue kept alive: waiting, numerous, and not leaked; beside them, in the same
     * executor, consumers of a queue whose producers are gone, which nothing alive reaches: leaked.
     */
    private static void idleConsumers(String pool, int consumers, int forgottenConsumers) {
        BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
        KEPT.add(work);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(pool + "-", 0)
                .factory());
        KEPT.add(executor);
        for (int i = 0; i < consumers; i++) {
            executor.submit(() -> consume(work, DECOY_IDS));
        }
        BlockingQueue<Runnable> forgotten = new LinkedBlockingQueue<>();
        for (int i = 0; i < forgottenConsumers; i++) {
            executor.submit(() -> consume(forgotten, LEAKED_IDS));
        }
    }

    private static Void consume(BlockingQueue<Runnable> work, Set<Long> counted) throws InterruptedException {
        counted.add(Thread.currentThread().threadId());
        while (true) {
            work.take().run();
        }
    }

    /**
     * A task that sleeps for a minute in an executor beside its leaked tasks: an executor that still runs healthy
     * tasks is no path to what its other tasks wait on.
     */
    private static void sleepBeside(ExecutorService executor) {
        executor.submit(() -> {
            DECOY_IDS.add(Thread.currentThread().threadId());
            sleepLong();
        });
    }

    private static void sleepers(String pool, int count) {
        for (int i = 0; i < count; i++) {
            Thread thread = Thread.ofVirtual().name(pool + "-" + i).unstarted(VirtualLeakWorkload::sleepLong);
            DECOY_IDS.add(thread.threadId());
            thread.start();
        }
    }

    /** A platform thread blocked forever on a queue nobody holds: leaked, but not a virtual thread. */
    private static void leakPlatformThread(String pool) {
        BlockingQueue<String> forgotten = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name(pool + "-platform-0").start(() -> {
            try {
                forgotten.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Virtual threads that wait a few hundred milliseconds on a latch and finish, one every 50 ms. */
    private void churn(ExecutorService executor) {
        KEPT.add(executor);
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("churn-driver").factory());
        KEPT.add(driver);
        driver.scheduleAtFixedRate(() -> {
            CountDownLatch done = new CountDownLatch(1);
            executor.submit(() -> {
                done.await();
                return null;
            });
            driver.schedule(done::countDown, 200 + random.nextInt(300), TimeUnit.MILLISECONDS);
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Until every counted thread has started and blocks or waits where it should (sleepers sleep). */
    private static void awaitInPlace(int leaks, int decoys) throws InterruptedException {
        while (true) {
            if (LEAKED_IDS.size() == leaks && DECOY_IDS.size() == decoys) {
                ThreadSnapshot snapshot = ThreadSnapshots.dump();
                long inPlace = snapshot.threads().stream()
                        .filter(t -> LEAKED_IDS.contains(t.id()) || DECOY_IDS.contains(t.id()))
                        .filter(t -> t.state() != Thread.State.RUNNABLE && t.state() != Thread.State.NEW)
                        .count();
                if (inPlace == leaks + decoys) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    private void sleepUntilRelease() {
        long left = releaseAtNanos - System.nanoTime();
        if (left > 0) {
            sleep(left / 1_000_000);
        }
    }

    private static void sleepLong() {
        sleep(60_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ids(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
