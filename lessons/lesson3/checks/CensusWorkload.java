package lesson3.checks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * The JVM that exercise {@code thread-census} counts: a few pools of platform threads held in known states,
 * and one pool of virtual threads. Pool names and sizes come from a seed, so the check knows the census.
 */
public final class CensusWorkload {

    /** Printed once every thread has reached its state. */
    public static final String READY = "census ready";

    private static final List<String> NAMES = List.of("orders", "invoices", "reports", "thumbnails", "mailer",
            "audit", "search", "billing", "pricing", "geocoder", "exports", "webhooks");
    private static final Thread.State[] STATES = {Thread.State.RUNNABLE, Thread.State.BLOCKED,
            Thread.State.WAITING, Thread.State.TIMED_WAITING};
    /** The thread that owns the monitor the BLOCKED threads wait for; it sleeps while holding it. */
    static final String OWNER = "census-monitor-owner";

    private final CountDownLatch never = new CountDownLatch(1);
    private final Object monitor = new Object();

    private CensusWorkload() {}

    /**
     * The census of the workload's own pools for a seed: pool key to state counts, the owner of the monitor
     * included. Virtual pools are named {@code name-vworker-*}.
     */
    public static Map<String, Map<Thread.State, Integer>> expected(long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (int pool = 0; pool < 3; pool++) {
            Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
            for (Thread.State state : STATES) {
                int count = random.nextInt(4);
                if (count > 0) {
                    states.put(state, count);
                }
            }
            states.merge(Thread.State.WAITING, 1, Integer::sum);  // never an empty pool
            census.put(names.get(pool) + "-worker-*", states);
        }
        census.put(names.get(3) + "-vworker-*", Map.of(Thread.State.WAITING, 2 + random.nextInt(5)));
        census.put(OWNER, Map.of(Thread.State.TIMED_WAITING, 1));
        return census;
    }

    /** Starts the threads of {@code --seed=N}'s census, prints {@link #READY} and runs until killed. */
    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0].substring("--seed=".length()));
        Map<String, Map<Thread.State, Integer>> census = expected(seed);
        new CensusWorkload().startAll(census);
        awaitCensus(census);
        System.out.println(READY);
        Thread.sleep(Long.MAX_VALUE);
    }

    private void startAll(Map<String, Map<Thread.State, Integer>> census) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name(OWNER).start(() -> {
            synchronized (monitor) {
                holding.countDown();
                sleepForever();
            }
        });
        holding.await();
        census.forEach((pool, states) -> {
            if (pool.equals(OWNER)) {
                return;
            }
            String prefix = pool.substring(0, pool.length() - 1);
            int[] next = {0};
            states.forEach((state, count) -> {
                for (int i = 0; i < count; i++) {
                    Runnable work = workIn(state);
                    String name = prefix + next[0]++;
                    if (pool.contains("-vworker-")) {
                        Thread.ofVirtual().name(name).start(work);
                    } else {
                        Thread.ofPlatform().daemon().name(name).start(work);
                    }
                }
            });
        });
    }

    private Runnable workIn(Thread.State state) {
        return switch (state) {
            case RUNNABLE -> this::acceptForever;
            case BLOCKED -> () -> {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            };
            case WAITING -> () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            default -> CensusWorkload::sleepForever;
        };
    }

    /** Waits for a connection that never comes: RUNNABLE in native code, without using the CPU. */
    private void acceptForever() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.accept();
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

    private static void awaitCensus(Map<String, Map<Thread.State, Integer>> census) throws InterruptedException {
        while (true) {
            ThreadSnapshot snapshot = ThreadSnapshots.dump();
            Map<String, Map<Thread.State, Integer>> seen = new TreeMap<>();
            for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {
                seen.put(pool.key(), pool.states());
            }
            if (census.entrySet().stream().allMatch(e -> e.getValue().equals(seen.get(e.getKey())))) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
