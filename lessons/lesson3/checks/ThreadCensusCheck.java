package lesson3.checks;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lesson3.ThreadCensus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.lessons.harness.Feedback;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code thread-census}: a fresh JVM holds pools of random names and sizes in known
 * states, virtual threads included; the learner's census of that JVM must count them exactly.
 */
class ThreadCensusCheck {

    private static final String CENSUS = "Lesson 3, 'A census of threads': snapshot the target, group by pool";
    private static final String VIRTUAL = "Lesson 3, 'A census of threads': which snapshot lists virtual threads";

    private static LabProcess workload;
    private static Target target;
    private static Map<String, Map<Thread.State, Integer>> expected;

    @BeforeAll
    static void startWorkload() throws IOException {
        long seed = new Random().nextLong();
        expected = CensusWorkload.expected(seed);
        workload = LabProcess.start(CensusWorkload.class, List.of("-Xmx64m"), "--seed=" + seed);
        workload.awaitLine(CensusWorkload.READY::equals, Duration.ofSeconds(15));
        target = Target.attach(workload.pid());
    }

    @AfterAll
    static void stopWorkload() {
        if (target != null) {
            target.close();
        }
        if (workload != null) {
            workload.close();
        }
    }

    @Test
    void countsEveryPlatformPoolByState() {
        Map<String, Map<Thread.State, Integer>> census = censusOfTarget();
        for (var pool : expected.entrySet()) {
            if (!pool.getKey().contains("-vworker-")) {
                compare(census, pool.getKey(), pool.getValue(), CENSUS);
            }
        }
    }

    @Test
    void countsVirtualThreadsToo() {
        Map<String, Map<Thread.State, Integer>> census = censusOfTarget();
        expected.entrySet().stream().filter(pool -> pool.getKey().contains("-vworker-"))
                .forEach(pool -> compare(census, pool.getKey(), pool.getValue(), VIRTUAL));
    }

    private static Map<String, Map<Thread.State, Integer>> censusOfTarget() {
        Map<String, Map<Thread.State, Integer>> census = ThreadCensus.census(target);
        Feedback.check(census != null && !census.isEmpty(), "Your census of the target JVM was empty.", CENSUS);
        return census;
    }

    private static void compare(Map<String, Map<Thread.State, Integer>> census, String pool,
                                Map<Thread.State, Integer> states, String revisit) {
        Map<Thread.State, Integer> counted = census.get(pool);
        if (counted == null) {
            String prefix = pool.substring(0, pool.length() - 1);
            long byName = census.keySet().stream().filter(key -> key.startsWith(prefix)).count();
            Feedback.fail("The target JVM has a pool `" + pool + "`, and your census has no such key"
                    + (byName > 0 ? "; it has " + byName + " keys that start with `" + prefix
                    + "`, one per thread rather than one per pool." : "."), byName > 0 ? CENSUS : revisit);
        }
        for (Thread.State state : Thread.State.values()) {
            int want = states.getOrDefault(state, 0);
            int got = counted.getOrDefault(state, 0);
            if (want != got) {
                int total = states.values().stream().mapToInt(Integer::intValue).sum();
                Feedback.fail("Your census of pool `" + pool + "` counts " + got + " " + state + " thread(s)."
                        + " The pool has " + total + " threads in all, and their states do not change while the"
                        + " check runs.", revisit);
            }
        }
    }
}
