package lesson3.checks;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import lesson3.ThreadCensus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.checks.HandedTarget;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code thread-census}: a fresh JVM ({@link CensusWorkload}) holds the pools of a random
 * {@link CensusPlan} in known states, virtual threads included; the learner's census of that JVM must count them
 * exactly, and a second census after the workload changed must show the change.
 *
 * <p>Proxies a census might use instead of "a fresh snapshot of the target, virtual threads included, grouped by
 * the library's pool key", and the scenario that defeats each in every run:
 * <ul>
 *   <li>the JVM running the check ({@code Target.current()}, {@code ThreadSnapshots.dump()}): the workload's pools
 *       have random names that exist only in the workload JVM;</li>
 *   <li>ThreadMXBean snapshots ({@code ThreadSnapshots.of}), platform threads only: every phase has a pool of 2 to
 *       8 virtual threads;</li>
 *   <li>every pool key taken from the thread's name ({@code PoolNames.pool(name)}), which puts every thread without
 *       a name in one {@code <unnamed>} pool: every phase has two executors
 *       ({@code newVirtualThreadPerTaskExecutor()}) of 2 to 8 unnamed virtual threads each, whose pool is the
 *       executor that started them;</li>
 *   <li>the thread's own name as its key: every numbered pool has threads; a pool key is never a thread name;</li>
 *   <li>every number replaced ({@code Grouping.FAMILY}): every phase has two pools of one family that differ only in
 *       the executor's inner number ({@code pool-12-thread-*}, {@code pool-31-thread-*});</li>
 *   <li>only the last digit replaced: every pool numbers its threads from 10 to 45 on, so no thread number has a
 *       single digit;</li>
 *   <li>only a decimal number replaced: every phase has a pool whose threads end in a hexadecimal id that begins
 *       with a letter ({@code uploads-conn-c9e3779b1}), whose pool key the library gives as
 *       {@code uploads-conn-*};</li>
 *   <li>the name cut at its last dash: one pool has no dash before its number ({@code ledger23}), and one thread's
 *       name ends in no number at all ({@code search-lock-holder});</li>
 *   <li>carriers left out, as if each were the virtual thread it runs counted twice: the workload's virtual
 *       threads run on carriers, platform threads of a pool of their own;</li>
 *   <li>the threads of the JVM itself, or those serving the check's attach and JMX connection, left out as if
 *       they were not the target's: every pool the check sees just before and just after a census must be in
 *       it;</li>
 *   <li>BLOCKED counted as WAITING ({@code waitsIndefinitely()}): every phase has BLOCKED threads, and WAITING
 *       ones in some pool;</li>
 *   <li>a thread waiting for a lock counted as BLOCKED whatever the lock: every WAITING thread is parked on a
 *       {@code ReentrantLock} that the lock holder keeps, which the JVM reports as WAITING;</li>
 *   <li>a census cached per target, per process or per name: {@link #countsTheThreadsOfTheMomentItIsAsked} takes
 *       two censuses, between which the WAITING threads of every pool end and new pools start;</li>
 *   <li>several dumps merged into one census (the larger count of each, in case one dump missed a thread): in the
 *       same test the workload moves on as soon as the first dump has been written, so a second dump has pools the
 *       first moment did not.</li>
 * </ul>
 *
 * <p>The census must also leave open the target it was handed, as code handed a Target must: closing it would end
 * its caller's connection.
 */
class ThreadCensusCheck {

    private static final Pattern CARRIER = Pattern.compile("ForkJoinPool-\\d+-worker-\\d+");
    private static LabProcess workload;
    private static Target attached;
    private static WatchedTarget target;
    private static CensusPlan plan;
    private static CensusWorkload.Control control;

    @BeforeAll
    static void startWorkload() throws IOException, MalformedObjectNameException {
        long seed = new Random().nextLong();
        plan = new CensusPlan(seed);
        workload = LabProcess.start(CensusWorkload.class, List.of("-Xmx64m"), "--seed=" + seed);
        workload.awaitLine(CensusWorkload.READY::equals, LabProcess.START_UP);
        attached = Target.attach(workload.pid());
        target = new WatchedTarget(attached);
        control = JMX.newMBeanProxy(attached.connection(), new ObjectName(CensusWorkload.CONTROL),
                CensusWorkload.Control.class);
    }

    @AfterAll
    static void stopWorkload() {
        if (attached != null) {
            attached.close();
        }
        if (workload != null) {
            workload.close();
        }
    }

    @Test
    void countsEveryPlatformPoolByState() {
        census().compare(expected(false), plan);
    }

    @Test
    void countsVirtualThreadsToo() {
        Map<String, Map<Thread.State, Integer>> census = ThreadCensus.census(target);
        census(census).compare(expected(true), plan);
        countsTheCarriers(census);
    }

    /** The platform threads that run the virtual ones are a pool of the target like any other. */
    private static void countsTheCarriers(Map<String, Map<Thread.State, Integer>> census) {
        Map<String, Long> carriers = ThreadSnapshots.dump(attached).threads().stream()
                .filter(thread -> !thread.virtual() && CARRIER.matcher(thread.name()).matches())
                .collect(Collectors.groupingBy(ThreadRecord::pool, Collectors.counting()));
        carriers.forEach((pool, count) -> Feedback.check(census.containsKey(pool), "The target JVM runs its virtual"
                + " threads on " + count + " carrier thread(s), platform threads of the pool `" + pool + "`, and"
                + " your census has no such key.", CensusFeedback.CARRIERS));
    }

    @Test
    void countsEveryThreadOfTheTarget() {
        Map<String, Long> before = platformPools();
        Map<String, Map<Thread.State, Integer>> census = ThreadCensus.census(target);
        Map<String, Long> throughout = platformPools();
        throughout.keySet().retainAll(before.keySet());
        throughout.forEach((pool, count) -> Feedback.check(census.containsKey(pool), "The target JVM had " + count
                + " thread(s) of the pool `" + pool + "` just before your census and just after it, and your census"
                + " has no such key.", CensusFeedback.EVERY));
    }

    @Test
    void leavesTheTargetOpenForItsCaller() {
        WatchedTarget handed = new WatchedTarget(attached);
        ThreadCensus.census(handed);
        Feedback.check(!handed.closed(), HandedTarget.closedBy(handed), HandedTarget.OWNER);
    }

    /** The target's platform threads by pool, as the check sees them: its own pools and those of the JVM. */
    private static Map<String, Long> platformPools() {
        return ThreadSnapshots.dump(attached).threads().stream().filter(thread -> !thread.virtual())
                .collect(Collectors.groupingBy(ThreadRecord::pool, TreeMap::new, Collectors.counting()));
    }

    /**
     * Once the learner's code has written its first thread dump, the workload moves on at once, so a census that
     * takes another dump sees pools start that the moment of the first did not have.
     */
    @Test
    void countsTheThreadsOfTheMomentItIsAsked() throws InterruptedException {
        WatchedTarget moving = new WatchedTarget(attached, () -> { }, ThreadCensusCheck::advance);
        Map<String, Map<Thread.State, Integer>> before = planned();
        Map<String, Map<Thread.State, Integer>> first = ThreadCensus.census(moving);
        List<String> later = first.keySet().stream().filter(pool -> !before.containsKey(pool)
                && planned().containsKey(pool)).toList();
        Feedback.check(later.isEmpty(), "Your census counts the pool `" + (later.isEmpty() ? "" : later.getFirst())
                + "`, which the target started only after your method's first thread dump had been written: it"
                + " merged what two moments showed, counting threads that never ran side by side.",
                CensusFeedback.MOMENT);
        new CensusFeedback(first, moving.asks() > 0).compare(before, plan);
        control.advance();
        Map<String, Map<Thread.State, Integer>> after = planned();
        Map<String, Map<Thread.State, Integer>> second = ThreadCensus.census(moving);
        CensusFeedback secondFeedback = new CensusFeedback(second, moving.asks() > 0);
        Feedback.check(!ownPools(second, before).equals(ownPools(first, before)), "Your second census of the target"
                + " was the same as your first, pool for pool, while between the two calls " + ended(before, after)
                + " of its threads ended and " + started(before, after) + " new ones started.",
                CensusFeedback.MOMENT);
        secondFeedback.compare(after, plan);
    }

    /** Moves the workload to its next phase, from within the learner's call. */
    private static void advance() {
        try {
            control.advance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workload moved on", e);
        }
    }

    private static CensusFeedback census() {
        return census(ThreadCensus.census(target));
    }

    private static CensusFeedback census(Map<String, Map<Thread.State, Integer>> census) {
        return new CensusFeedback(census, target.asks() > 0);
    }

    /** The current phase's census, virtual pools only or platform pools only. */
    private static Map<String, Map<Thread.State, Integer>> expected(boolean virtual) {
        Map<String, Map<Thread.State, Integer>> expected = new TreeMap<>(planned());
        expected.keySet().removeIf(pool -> plan.isVirtual(pool) != virtual);
        return expected;
    }

    /** The current phase's census, with the pool keys of the executors the workload has started. */
    private static Map<String, Map<Thread.State, Integer>> planned() {
        plan.executorsStarted(control.executors());
        return plan.census(control.phase());
    }

    /** The entries of a census for the pools the workload had at the first call. */
    private static Map<String, Map<Thread.State, Integer>> ownPools(Map<String, Map<Thread.State, Integer>> census,
                                                                    Map<String, Map<Thread.State, Integer>> pools) {
        Map<String, Map<Thread.State, Integer>> own = new TreeMap<>();
        pools.keySet().forEach(pool -> own.put(pool, census.get(pool)));
        return own;
    }

    private static int ended(Map<String, Map<Thread.State, Integer>> before,
                             Map<String, Map<Thread.State, Integer>> after) {
        return total(before) - total(after) + started(before, after);
    }

    private static int started(Map<String, Map<Thread.State, Integer>> before,
                               Map<String, Map<Thread.State, Integer>> after) {
        Map<String, Map<Thread.State, Integer>> fresh = new TreeMap<>(after);
        fresh.keySet().removeAll(before.keySet());
        return total(fresh);
    }

    private static int total(Map<String, Map<Thread.State, Integer>> census) {
        return census.values().stream().flatMap(states -> states.values().stream()).mapToInt(Integer::intValue).sum();
    }
}
