package lesson3.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which threads {@link CensusWorkload} holds in which state, drawn from a seed so that the check and the workload
 * JVM agree on the census without talking. The workload moves through phases: phase 0 starts generation 0; each
 * later phase releases the {@code WAITING} threads of every earlier generation (they end) and starts a new one.
 *
 * <p>Every generation names its pools in every way a shortcut could trip over, with fresh words and numbers:
 * <ul>
 *   <li>{@code invoices-worker-17}: the number follows a dash, and always has two digits or more;</li>
 *   <li>{@code pool-12-thread-14} beside {@code pool-31-thread-11}: two pools of one family, told apart only by
 *       the inner number;</li>
 *   <li>{@code ledger23}: the number follows a letter;</li>
 *   <li>{@code uploads-conn-c9e3779b1}: a hexadecimal id, not a decimal number, begins with a letter;</li>
 *   <li>{@code mailer-request-12}: virtual threads; generation 0's has one RUNNABLE, mounted on its carrier;</li>
 *   <li>two executors ({@code Executors.newVirtualThreadPerTaskExecutor()}) of virtual threads without a name,
 *       whose pool key is the executor that started them ({@code java.util.concurrent.ThreadPerTaskExecutor@1b6d3586}),
 *       known only once the workload has started them: the plan names them {@code <executor 0.1>} until
 *       {@link #executorsStarted} tells it their keys.</li>
 * </ul>
 * Generation 0 also has one thread whose name ends in no number ({@code search-lock-holder}): it holds the
 * monitor that every {@code BLOCKED} thread waits for. Each generation has at least one {@code BLOCKED} and one
 * {@code WAITING} platform thread.
 */
final class CensusPlan {

    /**
     * One pool: its key and, for each of its threads, the state the workload holds it in. Its threads are numbered
     * from {@code firstNumber} on, in decimal, or by a hexadecimal id drawn from that number ({@code hexIds}).
     */
    record Pool(String key, String threadPrefix, int firstNumber, boolean virtual, List<Thread.State> states,
                boolean hexIds) {

        String threadName(int index) {
            int number = firstNumber + index;
            return !key.endsWith("*") ? key : threadPrefix + (hexIds ? hexId(number) : Integer.toString(number));
        }

        /** Nine hexadecimal digits that begin with a letter and end with a decimal digit, as {@code c9e3779b1}. */
        private static String hexId(int number) {
            return String.format(Locale.ROOT, "%c%07x%d", (char) ('a' + number % 6),
                    (number * 2654435761L) & 0xfffffff, number % 10);
        }

        /** Whether the pool's threads have no name and belong to the executor that started them. */
        boolean unnamed() {
            return key.startsWith(EXECUTOR);
        }

        /** The same pool with one more thread, held in {@code state}. */
        Pool with(Thread.State state) {
            List<Thread.State> more = new ArrayList<>(states);
            more.add(state);
            return new Pool(key, threadPrefix, firstNumber, virtual, List.copyOf(more), hexIds);
        }

        Map<Thread.State, Integer> counts() {
            Map<Thread.State, Integer> counts = new EnumMap<>(Thread.State.class);
            states.forEach(state -> counts.merge(state, 1, Integer::sum));
            return counts;
        }
    }

    /** Generations the workload can go through in one run (the check advances once or twice). */
    static final int GENERATIONS = 4;

    private static final List<String> WORDS = List.of("orders", "invoices", "reports", "thumbnails", "mailer",
            "audit", "search", "billing", "pricing", "geocoder", "exports", "webhooks", "ingest", "ledger",
            "payments", "shipping", "catalog", "inventory", "refunds", "alerts", "sessions", "uploads", "renderer",
            "indexer");
    private static final List<String> ROLES = List.of("worker", "exec", "handler", "runner");
    private static final List<String> VIRTUAL_ROLES = List.of("request", "fiber", "vworker", "task");
    /** Family pools as the JDK and common libraries name them: prefix, then executor number, then role. */
    private static final List<String[]> FAMILIES = List.of(new String[] {"pool", "thread"},
            new String[] {"HttpClient", "Worker"}, new String[] {"Scheduler", "worker"});
    private static final Thread.State[] PLATFORM_STATES = {Thread.State.RUNNABLE, Thread.State.BLOCKED,
            Thread.State.WAITING, Thread.State.TIMED_WAITING};

    private static final String EXECUTOR = "<executor ";

    private final List<List<Pool>> generations = new ArrayList<>();
    /** The pool key of each executor the workload started, by the plan's name for it. */
    private final Map<String, String> executors = new ConcurrentHashMap<>();

    CensusPlan(long seed) {
        Random random = new Random(seed);
        List<String> words = new ArrayList<>(WORDS);
        Collections.shuffle(words, random);
        List<Integer> executorNumbers = new ArrayList<>();
        for (int n = 2; n < 90; n++) {
            executorNumbers.add(n);
        }
        Collections.shuffle(executorNumbers, random);
        for (int g = 0; g < GENERATIONS; g++) {
            generations.add(generation(random, g, words.subList(g * 5, g * 5 + 5), executorNumbers.subList(g * 2,
                    g * 2 + 2)));
        }
    }

    /** Pools started by generation {@code g}, the lock holder's pool first in generation 0. */
    List<Pool> generation(int g) {
        return generations.get(g);
    }

    /**
     * The census at a phase: pool key to state counts, for the pools this plan started (the JVM's own threads
     * are not in it).
     */
    Map<String, Map<Thread.State, Integer>> census(int phase) {
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (int g = 0; g <= phase; g++) {
            for (Pool pool : generations.get(g)) {
                Map<Thread.State, Integer> counts = pool.counts();
                if (g < phase) {
                    counts.remove(Thread.State.WAITING);  // released when a later phase began
                }
                if (!counts.isEmpty()) {
                    census.put(keyOf(pool), counts);
                }
            }
        }
        return census;
    }

    /** Whether the pool of that key holds virtual threads. */
    boolean isVirtual(String key) {
        return generations.stream().flatMap(List::stream).anyMatch(pool -> matches(pool, key) && pool.virtual());
    }

    /** Whether the pool of that key is an executor's threads without a name. */
    boolean startedByExecutor(String key) {
        return generations.stream().flatMap(List::stream).anyMatch(pool -> matches(pool, key) && pool.unnamed());
    }

    /** How many executors of unnamed threads the census of that phase has. */
    long executorsAt(int phase) {
        return census(phase).keySet().stream().filter(this::startedByExecutor).count();
    }

    /** The pool of that key. */
    Pool pool(String key) {
        return generations.stream().flatMap(List::stream).filter(pool -> matches(pool, key)).findFirst()
                .orElseThrow();
    }

    /** Learns the pool keys of the executors the workload has started, by the plan's names for them. */
    void executorsStarted(Map<String, String> keys) {
        executors.putAll(keys);
    }

    /** The pool keys learnt so far, by the plan's names for the executors. */
    Map<String, String> executorKeys() {
        return Map.copyOf(executors);
    }

    private boolean matches(Pool pool, String key) {
        return pool.key().equals(key) || key.equals(executors.get(pool.key()));
    }

    private String keyOf(Pool pool) {
        if (!pool.unnamed()) {
            return pool.key();
        }
        String key = executors.get(pool.key());
        if (key == null) {
            throw new IllegalStateException("the workload has not reported the executor " + pool.key());
        }
        return key;
    }

    private static List<Pool> generation(Random random, int g, List<String> words, List<Integer> executors) {
        List<Pool> pools = new ArrayList<>();
        if (g == 0) {
            pools.add(new Pool(words.get(4) + "-lock-holder", "", 0, false, List.of(Thread.State.TIMED_WAITING),
                    false));
        }
        String role = ROLES.get(random.nextInt(ROLES.size()));
        pools.add(platform(random, words.get(0) + "-" + role + "-", false));
        String[] family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        for (int executor : executors) {
            pools.add(platform(random, family[0] + "-" + executor + "-" + family[1] + "-", false));
        }
        pools.add(platform(random, random.nextBoolean() ? words.get(1) : capitalized(words.get(1)), false));
        pools.add(platform(random, words.get(3) + "-conn-", true));
        String virtualRole = VIRTUAL_ROLES.get(random.nextInt(VIRTUAL_ROLES.size()));
        Pool named = virtual(random, words.get(2) + "-" + virtualRole + "-");
        // one virtual thread RUNNABLE, mounted: the workload's one reader of its standard input, so generation 0 only
        pools.add(g == 0 ? named.with(Thread.State.RUNNABLE) : named);
        for (int e = 1; e <= 2; e++) {
            Pool unnamed = virtual(random, "");
            pools.add(new Pool(EXECUTOR + g + "." + e + ">", "", 0, true, unnamed.states(), false));
        }
        // at least one BLOCKED and one WAITING platform thread in every generation, in a pool drawn at random
        List<Integer> numbered = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            if (!pools.get(i).virtual() && pools.get(i).key().endsWith("*")) {
                numbered.add(i);
            }
        }
        withExtra(pools, numbered.get(random.nextInt(numbered.size())), Thread.State.BLOCKED);
        withExtra(pools, numbered.get(random.nextInt(numbered.size())), Thread.State.WAITING);
        return List.copyOf(pools);
    }

    /** A pool of 1 to 9 platform threads in random states, numbered from 10 to 45 on, in decimal or by hex ids. */
    private static Pool platform(Random random, String prefix, boolean hexIds) {
        List<Thread.State> states = new ArrayList<>();
        int size = 1 + random.nextInt(9);
        for (int i = 0; i < size; i++) {
            states.add(PLATFORM_STATES[random.nextInt(PLATFORM_STATES.length)]);
        }
        return new Pool(prefix + "*", prefix, 10 + random.nextInt(36), false, states, hexIds);
    }

    /** A pool of 2 to 8 virtual threads, parked or sleeping. */
    private static Pool virtual(Random random, String prefix) {
        List<Thread.State> states = new ArrayList<>();
        int size = 2 + random.nextInt(7);
        for (int i = 0; i < size; i++) {
            states.add(i == 0 || random.nextBoolean() ? Thread.State.WAITING : Thread.State.TIMED_WAITING);
        }
        return new Pool(prefix + "*", prefix, 10 + random.nextInt(36), true, states, false);
    }

    private static void withExtra(List<Pool> pools, int index, Thread.State state) {
        pools.set(index, pools.get(index).with(state));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
