package lesson3.checks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * The JVM that exercise {@code thread-census} counts: the pools of a {@link CensusPlan}, each thread held in a
 * known state. The check moves it to its next phase over JMX ({@link Control#advance()}), so that two censuses
 * of the same JVM taken at different moments must differ.
 */
public final class CensusWorkload {

    /** Printed once every thread of phase 0 has reached its state. */
    public static final String READY = "census ready";
    /** Where the workload's {@link Control} is registered. */
    public static final String CONTROL = "lesson3.checks:type=CensusWorkload";

    /** What the check may ask of the workload, over JMX. */
    public interface Control {
        /** The current phase, 0 at start. */
        int phase();

        /**
         * Ends the {@code WAITING} threads of every generation so far, starts the next generation and returns once
         * every thread has reached its state.
         */
        void advance() throws InterruptedException;

        /**
         * The pool key of every executor of unnamed virtual threads started so far (the executor's thread container,
         * as the JVM's thread dump names it), by the plan's name for it.
         */
        TreeMap<String, String> executors();
    }

    private final CensusPlan plan;
    private final Object monitor = new Object();
    /** Held by the lock holder for good: the WAITING threads park on it, and end when interrupted. */
    private final ReentrantLock gate = new ReentrantLock();
    /** Each generation's WAITING threads, interrupted when a later phase begins. */
    private final List<Queue<Thread>> waiting = new ArrayList<>();
    /** The executors of unnamed virtual threads, never closed (closing one waits for its threads), kept reachable. */
    private final List<ExecutorService> executors = new ArrayList<>();
    private int phase;

    private CensusWorkload(CensusPlan plan) {
        this.plan = plan;
    }

    /** Starts phase 0 of {@code --seed=N}'s plan, registers the control, prints {@link #READY}, runs until killed. */
    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0].substring("--seed=".length()));
        CensusWorkload workload = new CensusWorkload(new CensusPlan(seed));
        workload.start(0);
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(workload.control(), Control.class),
                new ObjectName(CONTROL));
        System.out.println(READY);
        Thread.sleep(Long.MAX_VALUE);
    }

    private Control control() {
        return new Control() {
            @Override
            public synchronized int phase() {
                return phase;
            }

            @Override
            public synchronized void advance() throws InterruptedException {
                if (phase + 1 >= CensusPlan.GENERATIONS) {
                    throw new IllegalStateException("the plan has no generation after " + phase);
                }
                waiting.forEach(threads -> threads.forEach(Thread::interrupt));
                start(phase + 1);
            }

            @Override
            public TreeMap<String, String> executors() {
                return new TreeMap<>(plan.executorKeys());
            }
        };
    }

    private void start(int next) throws InterruptedException {
        phase = next;
        Queue<Thread> release = new ConcurrentLinkedQueue<>();
        waiting.add(release);
        for (CensusPlan.Pool pool : plan.generation(next)) {
            if (pool.key().endsWith("-lock-holder")) {
                startHolder(pool.key());
                continue;
            }
            if (pool.unnamed()) {
                startExecutor(pool, release);
                continue;
            }
            for (int i = 0; i < pool.states().size(); i++) {
                Runnable work = pool.virtual() && pool.states().get(i) == Thread.State.RUNNABLE
                        ? CensusWorkload::readInputForever : workIn(pool.states().get(i), release);
                String name = pool.threadName(i);
                if (pool.virtual()) {
                    Thread.ofVirtual().name(name).start(work);
                } else {
                    Thread.ofPlatform().daemon().name(name).start(work);
                }
            }
        }
        awaitCensus(plan.census(next));
    }

    /**
     * An executor that starts one unnamed virtual thread per task, as {@code newVirtualThreadPerTaskExecutor()} does;
     * the thread dump names its thread container after the executor's identity.
     */
    private void startExecutor(CensusPlan.Pool pool, Queue<Thread> release) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        executors.add(executor);
        plan.executorsStarted(Map.of(pool.key(), Objects.toIdentityString(executor)));
        for (Thread.State state : pool.states()) {
            executor.execute(workIn(state, release));
        }
    }

    /**
     * The thread that owns the monitor the BLOCKED threads wait for and the lock the WAITING threads park on; it
     * sleeps while holding both.
     */
    private void startHolder(String name) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name(name).start(() -> {
            synchronized (monitor) {
                gate.lock();
                holding.countDown();
                sleepForever();
            }
        });
        holding.await();
    }

    /**
     * Work that holds its thread in {@code state}. A WAITING thread parks on the gate, a {@code ReentrantLock}
     * (waiting for a lock of {@code java.util.concurrent} is WAITING, not BLOCKED), until interrupted.
     */
    private Runnable workIn(Thread.State state, Queue<Thread> release) {
        return switch (state) {
            case RUNNABLE -> CensusWorkload::acceptForever;
            case BLOCKED -> () -> {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            };
            case WAITING -> () -> {
                release.add(Thread.currentThread());
                try {
                    gate.lockInterruptibly();
                    throw new IllegalStateException("the lock holder let the gate go");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // released: the thread ends
                }
            };
            default -> CensusWorkload::sleepForever;
        };
    }

    /** Waits for a connection that never comes: RUNNABLE in native code, without using the CPU. */
    private static void acceptForever() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the standard input, on which the check never writes: a file read, which keeps a virtual thread mounted
     * on its carrier and RUNNABLE, in native code, without using the CPU. One thread only: a second would wait for the
     * stream's lock.
     */
    private static void readInputForever() {
        try {
            System.in.read();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once the library's census of this JVM shows every pool of the plan in its state. */
    private static void awaitCensus(Map<String, Map<Thread.State, Integer>> census) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ThreadSnapshot snapshot = ThreadSnapshots.dump();
            Map<String, Map<Thread.State, Integer>> seen = new TreeMap<>();
            for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {
                seen.put(pool.key(), pool.states());
            }
            if (census.entrySet().stream().allMatch(e -> e.getValue().equals(seen.get(e.getKey())))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workload's threads did not reach " + census + "; seen " + seen);
            }
            Thread.sleep(50);
        }
    }
}
