// Misconception: a pool key is the thread name with its numbers replaced by '*', so Grouping.FAMILY (every number) is as good as Grouping.POOL.
// Why a learner would believe it: for names like orders-worker-0, orders-worker-1 both groupings give the same key, and FAMILY looks more robust ("catches ids anywhere in the name").
// What is actually right: a pool key replaces only the trailing number (pool-3-thread-* vs pool-4-thread-*); replacing every number merges distinct pools into one family.
package lesson3;

import java.util.LinkedHashMap;
import java.util.Map;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
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
        // the JSON dump lists virtual threads too
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Map<String, Map<Thread.State, Integer>> census = new LinkedHashMap<>();
        // numbers in a thread name are ids given by the factory: replace all of them
        for (GroupSummary pool : snapshot.summarize(Grouping.FAMILY)) {
            census.put(pool.key(), pool.states());
        }
        return census;
    }
}
