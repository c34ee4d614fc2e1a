package lesson3.checks;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.threads.PoolNames;
import workbench.harness.Feedback;

/**
 * Compares a learner's census with the census a {@link CensusPlan} holds the workload in, and fails with the
 * mistake the census shows: the wrong JVM, pools merged by their inner number, a number only partly replaced,
 * a name without a number cut short, virtual threads missing, unnamed threads keyed by their empty name rather than
 * by their executor, BLOCKED counted as WAITING or WAITING as BLOCKED.
 */
final class CensusFeedback {

    static final String CENSUS = "Lesson 3, 'A census of threads': snapshot the target you are handed, group it by"
            + " pool";
    static final String POOL_KEY = "Lesson 3, 'A census of threads': a pool key replaces the trailing number of a"
            + " thread's name, and only that";
    static final String VIRTUAL = "Lesson 3, 'A census of threads': which snapshot lists virtual threads";
    static final String UNNAMED = "Lesson 3, 'A census of threads': a thread without a name belongs to the pool of"
            + " the executor that started it, its container, as the library's pool key (ThreadRecord.pool()) has it";
    static final String STATES = "Lesson 3, 'A census of threads': count each state as the JVM reports it;"
            + " BLOCKED (entering a monitor) is not WAITING, and a thread parked for any other lock is WAITING";
    static final String CARRIERS = "Lesson 3, 'A census of threads': virtual threads run on carriers, platform"
            + " threads of a pool of their own; a census counts both";
    static final String EVERY = "Lesson 3, 'A census of threads': the threads a JVM runs for itself and for those"
            + " who observe it are its threads too; a census counts every one";
    static final String MOMENT = "Lesson 3, 'A census of threads': a snapshot shows one moment; every census takes a"
            + " new one";

    private final Map<String, Map<Thread.State, Integer>> census;
    private final boolean askedTheTarget;

    /**
     * @param census         what the learner's method returned
     * @param askedTheTarget whether it asked the target it was handed for threads
     */
    CensusFeedback(Map<String, Map<Thread.State, Integer>> census, boolean askedTheTarget) {
        this.census = census;
        this.askedTheTarget = askedTheTarget;
        Feedback.check(census != null && !census.isEmpty(), "Your census of the target JVM was empty.", CENSUS);
    }

    /** Fails unless every pool of {@code expected} is in the census with exactly its counts. */
    void compare(Map<String, Map<Thread.State, Integer>> expected, CensusPlan plan) {
        boolean noneFound = expected.keySet().stream().noneMatch(census::containsKey);
        if (noneFound && !askedTheTarget) {
            Feedback.fail("Your census has none of the target JVM's pools, and your method never asked the Target it"
                    + " was handed for its threads: it counted the JVM it runs in.", CENSUS);
        }
        // named pools first: a census without virtual threads is told so before it is told about unnamed ones
        expected.keySet().stream().sorted(Comparator.comparing(plan::startedByExecutor))
                .forEach(pool -> comparePool(pool, expected.get(pool), plan));
    }

    private void comparePool(String pool, Map<Thread.State, Integer> states, CensusPlan plan) {
        Map<Thread.State, Integer> counted = census.get(pool);
        if (counted == null && plan.startedByExecutor(pool)) {
            unnamedMissing(pool, states);
        }
        if (counted == null) {
            missing(pool, plan.isVirtual(pool));
        }
        if (foldsWaitingIntoBlocked(states, counted)) {
            Feedback.fail("Your census of pool `" + pool + "` counts no WAITING thread and " + count(counted,
                    Thread.State.BLOCKED) + " BLOCKED thread(s): it counts the threads parked waiting for a lock of"
                    + " java.util.concurrent as BLOCKED, which the JVM reports as WAITING.", STATES);
        }
        if (foldsBlockedIntoWaiting(states, counted)) {
            Feedback.fail("Your census of pool `" + pool + "` counts no BLOCKED thread and " + count(counted,
                    Thread.State.WAITING) + " WAITING thread(s): it counts the threads waiting to enter a monitor as"
                    + " WAITING.", STATES);
        }
        int mounted = count(states, Thread.State.RUNNABLE);
        if (plan.isVirtual(pool) && count(counted, Thread.State.RUNNABLE) < mounted) {
            Feedback.fail("The pool `" + pool + "` of virtual threads has " + mounted + " RUNNABLE thread(s), each"
                    + " mounted on a carrier while it reads a stream nobody writes to, and your census counts "
                    + count(counted, Thread.State.RUNNABLE) + ". A mounted virtual thread and its carrier are two"
                    + " threads, each counted in its own pool.", CARRIERS);
        }
        for (Thread.State state : Thread.State.values()) {
            int got = count(counted, state);
            if (count(states, state) != got) {
                Feedback.fail("Your census of pool `" + pool + "` counts " + got + " " + state + " thread(s). The pool"
                        + " has " + total(states) + " threads in all, and they hold still while your method runs.",
                        CENSUS);
            }
        }
    }

    private void missing(String pool, boolean virtual) {
        String family = PoolNames.family(pool);
        if (!family.equals(pool) && census.containsKey(family)) {
            Feedback.fail("The target JVM has a pool `" + pool + "`, and your census has none; it has `" + family
                    + "`, which merges pools that differ only in an inner number (the executor's), such as `"
                    + pool + "` and its sibling.", POOL_KEY);
        }
        String stem = pool.endsWith("*") ? pool.substring(0, pool.length() - 1) : pool;
        List<String> split = census.keySet().stream().filter(key -> !key.equals(pool) && key.startsWith(stem)).toList();
        if (!split.isEmpty() && split.stream().anyMatch(key -> key.endsWith("*"))) {
            Feedback.fail("The target JVM has a pool `" + pool + "`, and your census has none; it has " + split.size()
                    + " keys such as `" + split.getFirst() + "` instead: the whole trailing number of a thread's name"
                    + " goes, however many digits it has.", POOL_KEY);
        }
        if (!split.isEmpty()) {
            Feedback.fail("The target JVM has a pool `" + pool + "`, and your census has none; it has " + split.size()
                    + " keys that start with `" + stem + "`, one per thread rather than one per pool.", POOL_KEY);
        }
        List<String> cut = pool.endsWith("*") ? List.of() : census.keySet().stream()
                .filter(key -> key.endsWith("*") && pool.startsWith(key.substring(0, key.length() - 1))).toList();
        if (!cut.isEmpty()) {
            Feedback.fail("The target JVM has a thread named `" + pool + "`, a pool of its own since its name ends in"
                    + " no number, and your census has no such key; it has `" + cut.getFirst() + "`: only a trailing"
                    + " number is replaced.", POOL_KEY);
        }
        Feedback.fail("The target JVM has a pool `" + pool + "`" + (virtual ? " of virtual threads" : "")
                + ", and your census has no such key.", virtual ? VIRTUAL : CENSUS);
    }

    private void unnamedMissing(String pool, Map<Thread.State, Integer> states) {
        String observed = "The target JVM has " + total(states) + " virtual threads without a name that one executor"
                + " started, `" + pool + "`, and other unnamed threads of other executors; your census has no key for"
                + " that executor";
        List<String> lumped = census.keySet().stream().filter(CensusFeedback::namesNoPool).toList();
        if (!lumped.isEmpty()) {
            Feedback.fail(observed + ". It has `" + lumped.getFirst() + "` with " + total(census.get(lumped.getFirst()))
                    + " threads instead, which puts the threads of every executor in one pool: a census cannot tell"
                    + " then which executor holds them.", UNNAMED);
        }
        Feedback.fail(observed + ".", UNNAMED);
    }

    /** A key made of a thread's empty name, which stands for no pool at all. */
    private static boolean namesNoPool(String key) {
        return key == null || key.isBlank() || key.equals(PoolNames.pool("")) || key.equals("null")
                || key.equalsIgnoreCase("unnamed") || key.equals("*");
    }

    /** BLOCKED counted as WAITING: no BLOCKED where there are some, and WAITING short of nothing else. */
    private static boolean foldsBlockedIntoWaiting(Map<Thread.State, Integer> states,
                                                   Map<Thread.State, Integer> counted) {
        int blocked = count(states, Thread.State.BLOCKED);
        return blocked > 0 && count(counted, Thread.State.BLOCKED) == 0
                && count(counted, Thread.State.WAITING) == count(states, Thread.State.WAITING) + blocked;
    }

    /** Parked lock waiters counted as BLOCKED: no WAITING where there are some, and BLOCKED short of nothing else. */
    private static boolean foldsWaitingIntoBlocked(Map<Thread.State, Integer> states,
                                                   Map<Thread.State, Integer> counted) {
        int waiting = count(states, Thread.State.WAITING);
        return waiting > 0 && count(counted, Thread.State.WAITING) == 0
                && count(counted, Thread.State.BLOCKED) == count(states, Thread.State.BLOCKED) + waiting;
    }

    private static int count(Map<Thread.State, Integer> states, Thread.State state) {
        Integer count = states.get(state);
        return count == null ? 0 : count;
    }

    private static int total(Map<Thread.State, Integer> states) {
        return states.values().stream().mapToInt(Integer::intValue).sum();
    }
}
