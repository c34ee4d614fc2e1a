package lesson3;

// Misconception: the container a JSON dump reports is the true identity of a thread's pool, so it should win
// whenever the dump knows it; the name is only a fallback for threads that have no container.

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.PoolNames;
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
        // JSON dump: virtual threads included, and it knows the executor that started each thread.
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            census.computeIfAbsent(poolOf(thread), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    /**
     * The executor that started the thread is what the thread really belongs to; names can be anything a
     * thread factory made up, so use the name (trailing number starred) only when there is no container.
     */
    private static String poolOf(ThreadRecord thread) {
        if (thread.container() != null) {
            return thread.container();
        }
        return PoolNames.pool(thread.name());
    }
}
