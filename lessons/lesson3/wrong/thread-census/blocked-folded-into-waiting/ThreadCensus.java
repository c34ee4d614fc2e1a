// Misconception: BLOCKED is just another way of waiting without a time limit, so a census can report it as WAITING.
// Why a learner would believe it: the library itself puts both under ThreadRecord.waitsIndefinitely(), and a thread stuck on a monitor "waits" for it.
// What is actually right: BLOCKED (waiting to enter a monitor) and WAITING (park, wait, join) are distinct Thread.State values and a census counts each one as the JVM reports it.
package lesson3;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code thread-census} (lesson 3): count the threads of a JVM by pool and state.
 */
public final class ThreadCensus {

    private ThreadCensus() {}

    /**
     * Every thread of the target, virtual threads included, counted by pool and state.
     *
     * @param target the JVM to count
     * @return for each pool key ({@code orders-worker-*} for threads named {@code orders-worker-0},
     *     {@code orders-worker-1}, ...), how many of its threads are in each state
     */
    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);  // JSON dump: virtual threads too
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            // a thread waiting without a time limit, on a lock or on a condition, is WAITING
            Thread.State state = thread.waitsIndefinitely() ? Thread.State.WAITING : thread.state();
            census.computeIfAbsent(Grouping.POOL.keyOf(thread), key -> new EnumMap<>(Thread.State.class))
                    .merge(state, 1, Integer::sum);
        }
        return census;
    }
}
