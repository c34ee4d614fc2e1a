package lesson3;

import java.util.Map;
import workbench.diagnostics.target.Target;

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
        // TODO: take a snapshot of the target's threads with the library (lesson 3, "A census of threads"),
        //  group it by pool and count the states of each pool.
        return Map.of();
    }
}
