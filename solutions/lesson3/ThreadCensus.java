package lesson3;

import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code thread-census} (lesson 3): count the threads of a JVM by pool and state.
 *
 * <p>Try it in the console first on {@code /demo start leaky-threads} with {@code Target.current()}.
 * Check it with {@code /check} or {@code ./workbench check thread-census}.
 */
public final class ThreadCensus {

    private ThreadCensus() {}

    /**
     * Every thread of the target, virtual threads included, counted by pool and state.
     *
     * @param target the JVM to count; its caller attached it, and closes it
     * @return for each pool key ({@code orders-worker-*} for threads named {@code orders-worker-0},
     *     {@code orders-worker-1}, ...), how many of its threads are in each state
     */
    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        // The JSON thread dump lists virtual threads too; ThreadMXBean only knows platform threads.
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {
            census.put(pool.key(), pool.states());
        }
        return census;
    }
}
