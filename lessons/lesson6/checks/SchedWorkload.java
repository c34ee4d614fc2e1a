package lesson6.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.management.VirtualThreadSchedulerMXBean;
import lesson6.demo.NativeSort;

/**
 * The JVM exercise {@code read-the-scheduler} reads: a virtual-thread scheduler and platform threads held in a
 * known state, which it then reports of itself ten times a second, so that the check has independent readings
 * on either side of the learner's.
 *
 * <p>Arguments, in order: parallelism; extra carriers, started while the parallelism was higher, which it lowers
 * once the pinned threads are mounted; virtual threads parked on a latch; virtual threads pinned to their
 * carriers for good (blocked in a native callback), more than the parallelism when some extra carriers are pinned
 * too, the rest idle; virtual threads readied after those, which wait for a carrier when the pinned ones hold them all,
 * some woken by the pinned ones ({@link #wokenByCarriers}) and the rest started by a platform thread;
 * platform threads blocked on a monitor; platform threads sleeping; workers of a {@link ForkJoinPool} of its own
 * for CPU work, each running a task that sleeps; and, when above zero, virtual threads readied in pulses
 * ({@link #pulse}). It takes the check's commands on its standard input ({@link #obeyCommands}). Run it with
 * {@code --enable-native-access=ALL-UNNAMED}, and with a starting parallelism above the first argument when there are
 * extra carriers: the scheduler was busier then.
 *
 * <p>It also prints every safepoint a thread asked for ({@link #ASKED}: when, which operation, which thread), from
 * JFR, and the time of each JFR flush ({@link #FLUSHED}), after which every earlier safepoint has been printed.
 */
public final class SchedWorkload {

    static final String READY = "scheduler ready";
    static final String OWN = "own ";
    static final String ASKED = "asked ";
    static final String FLUSHED = "flushed ";
    static final String PULSE = "pulse";
    static final String FULL = "full";
    static final String EMPTY = "empty";
    static final String ARMED = "armed";
    static final String QUEUE_READ = "queue read ";
    static final String BLOCK = "block";
    static final String BLOCKED = "blocked";
    /** Reads of the queued count through the scheduler's MBean, as a reader in another JVM makes them. */
    private static final Semaphore QUEUE_READS = new Semaphore(0);
    /** Open until the pulse turns: the read that turns it returns once it has, so that the next read sees the turn. */
    private static volatile CountDownLatch turning = new CountDownLatch(0);

    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final Object MONITOR = new Object();
    /** Numbers the blocked threads on from one call of {@link #startBlocked} to the next. */
    private static final Thread.Builder BLOCKED_THREADS = Thread.ofPlatform().daemon().name("blocked-", 0);

    private SchedWorkload() {}

    public static void main(String[] args) throws Exception {
        int[] n = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            n[i] = Integer.parseInt(args[i]);
        }
        int parallelism = n[0];
        printSafepoints();
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        NativeSort.sortWith(() -> { });   // links the native sort here, not in a class initializer on a virtual thread
        startIdleCarriers(scheduler, parallelism, n[1]);
        // Raised only as far as the pinned threads need, so that carriers beyond them stay idle, with threads queued.
        scheduler.setParallelism(Math.max(parallelism, n[3]));
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < n[2]; i++) {
            parked.add(Thread.ofVirtual().name("parked-" + i).start(SchedWorkload::awaitForever));
        }
        for (Thread thread : parked) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(5);
            }
        }
        startBlockedAndSleeping(n[5], n[6]);
        startCpuPool(n[7]);
        List<Thread> woken = parkedUntilUnparked("woken-", wokenByCarriers(n[4]));
        CountDownLatch inCallback = new CountDownLatch(n[3]);
        for (int i = 0; i < n[3]; i++) {
            int carrier = i;
            Thread.ofVirtual().name("pinned-" + i).start(() -> inNativeCallback(() -> {
                inCallback.countDown();
                awaitQuietly(inCallback);
                // Every carrier is held now: what this one readies waits in its own queue, where no idle carrier
                // steals it.
                for (int w = carrier; w < woken.size(); w += n[3]) {
                    LockSupport.unpark(woken.get(w));
                }
                awaitForever();
            }));
        }
        inCallback.await();
        while (scheduler.getMountedVirtualThreadCount() != n[3]) {
            Thread.sleep(5);
        }
        // Lowered now, the parallelism leaves the pinned threads mounted, however many more than it they are.
        scheduler.setParallelism(parallelism);
        for (int i = 0; i < n[4] - woken.size(); i++) {
            Thread.ofVirtual().name("ready-" + i).start(SchedWorkload::awaitForever);
        }
        List<Thread> pulsed = List.of();
        if (n[8] > 0) {
            countQueueReads(scheduler);
            pulsed = parkedUntilUnparked("pulsed-", n[8]);
        }
        obeyCommands(scheduler, parallelism, pulsed);
        Thread.sleep(300);
        System.out.println(READY);
        while (true) {
            printOwnReading(scheduler);
            Thread.sleep(100);
        }
    }

    /**
     * Takes the check's commands, one a line: {@value #PULSE} ({@link #pulse}), and {@value #BLOCK} followed by a
     * number, which blocks that many more platform threads on the monitor and then reports a reading of its own and
     * {@value #BLOCKED}.
     */
    private static void obeyCommands(VirtualThreadSchedulerMXBean scheduler, int parallelism, List<Thread> pulsed) {
        Thread.ofPlatform().daemon().name("commands").start(() -> {
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                for (String line = input.readLine(); line != null; line = input.readLine()) {
                    String[] words = line.split(" ");
                    if (words[0].equals(PULSE)) {
                        pulse(parallelism, pulsed, Long.parseLong(words[1]), Long.parseLong(words[2]));
                    } else if (words[0].equals(BLOCK)) {
                        startBlocked(Integer.parseInt(words[1]));
                        printOwnReading(scheduler);
                        System.out.println(BLOCKED);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The check is done with this JVM.
            }
        });
    }

    /**
     * Parallelism, carriers, mounted, queued, then platform threads: runnable, blocked, waiting, timed waiting. One
     * at a time, so that the last reading printed is never of an earlier moment than a command's change.
     */
    private static synchronized void printOwnReading(VirtualThreadSchedulerMXBean scheduler) {
        System.out.println(OWN + ownReading(scheduler));
    }

    /**
     * How many of {@code queued} ready virtual threads a pinned carrier readies, rather than a platform thread: a
     * carrier pushes what it readies onto its own queue, a platform thread onto the scheduler's submission queue,
     * and the queued count is both (Go's {@code runqueue} and the per-P queues in brackets). Never half, so that
     * either part alone names itself.
     */
    static int wokenByCarriers(int queued) {
        return queued == 0 ? 0 : queued / 2 + 1;
    }

    /** Virtual threads that park until unparked, parked already when this returns. */
    private static List<Thread> parkedUntilUnparked(String name, int count) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().name(name + i).start(() -> {
                while (true) {
                    LockSupport.park();
                }
            }));
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(5);
            }
        }
        return threads;
    }

    /**
     * Raises the parallelism and keeps that many carriers busy for a moment so the scheduler starts them: once the
     * parallelism is lowered again, carriers beyond it that nothing pins stay, idle, until their keep-alive of 30
     * seconds runs out.
     */
    private static void startIdleCarriers(VirtualThreadSchedulerMXBean scheduler, int parallelism, int extra)
            throws InterruptedException {
        if (extra == 0) {
            return;
        }
        scheduler.setParallelism(parallelism + extra);
        CountDownLatch allMounted = new CountDownLatch(parallelism + extra);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < parallelism + extra; i++) {
            holders.add(Thread.ofVirtual().start(() -> inNativeCallback(() -> {
                allMounted.countDown();
                awaitQuietly(release);
            })));
        }
        allMounted.await();
        release.countDown();
        for (Thread holder : holders) {
            holder.join();
        }
    }

    /**
     * A pulse, after a wait and a hold in milliseconds: after the wait it holds every carrier and readies the
     * {@code pulsed} virtual threads behind them, says {@value #FULL}, and after the hold lets them all run and park
     * again and says {@value #EMPTY}. The queue holds all of them or none, and passes between the two in an instant;
     * the check knows when, and so which the moment it asks for a reading sees.
     *
     * <p>The first phase that lasts, the wait or else the hold, also ends at the first read of the queue once it has
     * begun, which it says ({@value #ARMED}, or {@value #FULL} when there is no wait), and that read returns only
     * after the turn: a reading of one moment is one read, and several reads averaged, compared or waited on until
     * they agree straddle the turn.
     */
    private static void pulse(int parallelism, List<Thread> pulsed, long wait, long hold) throws InterruptedException {
        CountDownLatch turned = new CountDownLatch(1);
        if (wait > 0) {
            QUEUE_READS.drainPermits();
            turning = turned;
            System.out.println(ARMED);
            QUEUE_READS.tryAcquire(wait, TimeUnit.MILLISECONDS);
        }
        CountDownLatch held = new CountDownLatch(parallelism);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < parallelism; i++) {
            Thread.ofVirtual().start(() -> inNativeCallback(() -> {
                held.countDown();
                awaitQuietly(release);
            }));
        }
        held.await();
        pulsed.forEach(LockSupport::unpark);
        if (wait > 0) {
            turned.countDown();
            System.out.println(FULL);
            Thread.sleep(hold);
        } else {
            QUEUE_READS.drainPermits();
            turning = turned;
            System.out.println(FULL);
            QUEUE_READS.tryAcquire(hold, TimeUnit.MILLISECONDS);
        }
        release.countDown();
        while (pulsed.stream().anyMatch(thread -> thread.getState() != Thread.State.WAITING)) {
            Thread.sleep(1);
        }
        turned.countDown();
        System.out.println(EMPTY);
    }

    /**
     * Puts a scheduler MBean that counts reads of the queued count ({@value #QUEUE_READ} and the time, for each) in
     * place of the JVM's own, which answers everything else.
     */
    private static void countQueueReads(VirtualThreadSchedulerMXBean scheduler) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = scheduler.getObjectName();
        VirtualThreadSchedulerMXBean counting = new VirtualThreadSchedulerMXBean() {
            @Override
            public int getParallelism() {
                return scheduler.getParallelism();
            }

            @Override
            public void setParallelism(int size) {
                scheduler.setParallelism(size);
            }

            @Override
            public int getPoolSize() {
                return scheduler.getPoolSize();
            }

            @Override
            public int getMountedVirtualThreadCount() {
                return scheduler.getMountedVirtualThreadCount();
            }

            @Override
            public long getQueuedVirtualThreadCount() {
                long queued = scheduler.getQueuedVirtualThreadCount();
                System.out.println(QUEUE_READ + System.currentTimeMillis());
                QUEUE_READS.release();
                try {
                    turning.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return queued;
            }

            @Override
            public ObjectName getObjectName() {
                return name;
            }
        };
        server.unregisterMBean(name);
        // Registered as itself, not wrapped: a proxy checks that the bean is an instance of the MXBean interface.
        server.registerMBean(counting, name);
    }

    private static void startBlockedAndSleeping(int blocked, int sleeping) throws InterruptedException {
        for (int i = 0; i < sleeping; i++) {
            Thread.ofPlatform().daemon().name("sleeper-" + i).start(SchedWorkload::sleepForever);
        }
        CountDownLatch holding = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("monitor-owner").start(() -> {
            synchronized (MONITOR) {
                holding.countDown();
                sleepForever();
            }
        });
        holding.await();
        startBlocked(blocked);
    }

    /** Platform threads blocked on the monitor its owner never leaves, each blocked when this returns. */
    private static void startBlocked(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Thread thread = BLOCKED_THREADS.start(() -> {
                synchronized (MONITOR) {
                    MONITOR.notifyAll();
                }
            });
            while (thread.getState() != Thread.State.BLOCKED) {
                Thread.sleep(1);
            }
        }
    }

    /** "asked 1764547200123 ThreadDump RMI TCP Connection(3)-127.0.0.1" for each safepoint, as JFR delivers it. */
    private static void printSafepoints() {
        RecordingStream stream = new RecordingStream();
        stream.enable("jdk.ExecuteVMOperation").withThreshold(Duration.ZERO);
        stream.onEvent("jdk.ExecuteVMOperation", event -> {
            RecordedThread caller = event.getThread("caller");
            if (event.getBoolean("safepoint") && caller != null) {
                System.out.println(ASKED + event.getStartTime().toEpochMilli() + " " + event.getString("operation")
                        + " " + caller.getJavaName());
            }
        });
        stream.onFlush(() -> System.out.println(FLUSHED + System.currentTimeMillis()));
        stream.startAsync();
    }

    /**
     * A pool for CPU work beside the scheduler, its workers named like carriers ({@code ForkJoinPool-2-worker-1}):
     * counting carriers by name counts them too.
     */
    private static void startCpuPool(int workers) throws InterruptedException {
        ForkJoinPool pool = new ForkJoinPool(workers);
        for (int i = 0; i < workers; i++) {
            pool.execute(SchedWorkload::sleepForever);
        }
        while (pool.getPoolSize() < workers) {
            Thread.sleep(5);
        }
    }

    private static String ownReading(VirtualThreadSchedulerMXBean scheduler) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return String.format(Locale.ROOT, "%d %d %d %d %d %d %d %d", scheduler.getParallelism(),
                scheduler.getPoolSize(), scheduler.getMountedVirtualThreadCount(),
                scheduler.getQueuedVirtualThreadCount(), states.getOrDefault(Thread.State.RUNNABLE, 0),
                states.getOrDefault(Thread.State.BLOCKED, 0), states.getOrDefault(Thread.State.WAITING, 0),
                states.getOrDefault(Thread.State.TIMED_WAITING, 0));
    }

    /** Runs {@code work} inside a callback from native code, where a virtual thread that blocks is pinned. */
    private static void inNativeCallback(NativeSort.Callback work) {
        try {
            NativeSort.sortWith(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitForever() {
        awaitQuietly(NEVER);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
