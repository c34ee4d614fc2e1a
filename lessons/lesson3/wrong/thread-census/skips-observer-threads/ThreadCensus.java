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
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            if (startedByObserver(thread.name())) {
                continue;  // our own JMX connection made these in the target: not the target's threads
            }
            census.computeIfAbsent(thread.pool(), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    /** Threads the target only has because a tool attached to it and talks to it over JMX/RMI. */
    private static boolean startedByObserver(String name) {
        return name.startsWith("RMI ") || name.startsWith("JMX server connection timeout")
                || name.equals("Attach Listener");
    }
}
