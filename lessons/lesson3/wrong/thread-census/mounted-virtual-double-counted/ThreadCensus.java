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
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);  // platform and virtual threads
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            if (runsOnACountedCarrier(thread)) {
                continue;
            }
            census.computeIfAbsent(thread.pool(), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    /**
     * A running virtual thread is mounted on a carrier (ForkJoinPool-1-worker-*), which the dump lists as a RUNNABLE
     * platform thread of its own: count that one running thread once, through its carrier.
     */
    private static boolean runsOnACountedCarrier(ThreadRecord thread) {
        return thread.virtual() && thread.state() == Thread.State.RUNNABLE;
    }
}
