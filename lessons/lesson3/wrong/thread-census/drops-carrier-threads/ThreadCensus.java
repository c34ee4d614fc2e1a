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
 *
 * <p>Try it in the console first on {@code /demo start leaky-threads} with {@code Target.current()}.
 * Check it with {@code /check} or {@code ./workbench check thread-census}.
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
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);   // the JSON dump lists virtual threads too
        boolean hasVirtual = snapshot.threads().stream().anyMatch(ThreadRecord::virtual);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            String pool = thread.pool();
            // A mounted virtual thread runs on a ForkJoinPool carrier: once the virtual threads are counted
            // themselves, counting their carriers as well would count the same work twice.
            if (hasVirtual && !thread.virtual() && pool.matches("ForkJoinPool-\\d+-worker-\\*")) {
                continue;
            }
            census.computeIfAbsent(pool, key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }
}
