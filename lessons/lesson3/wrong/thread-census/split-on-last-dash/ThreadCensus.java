// Misconception: a pool is everything up to the last '-' of a thread name, so the key is that prefix plus '*'.
// Why a learner would believe it: every pool in the demo and the lesson is named prefix-N (orders-worker-3, pool-3-thread-7, HttpClient-4-Worker-0), so cutting at the last dash gives the library's key.
// What is actually right: only a trailing number (or hex id / UUID) is replaced; a name without one (Common-Cleaner, main) is its own key, and worker7 belongs to worker*.
package lesson3;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
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
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);  // platform and virtual threads
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            census.computeIfAbsent(poolOf(thread.name()), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    /** A factory names its threads prefix-N: the pool is the prefix. */
    private static String poolOf(String name) {
        if (name.isEmpty()) {
            return "<unnamed>";
        }
        int dash = name.lastIndexOf('-');
        return dash < 0 ? name : name.substring(0, dash + 1) + "*";
    }
}
