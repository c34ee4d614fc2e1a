// Misconception: a census is a property of the service, so the expensive JSON dump can be taken once per service (keyed by its display name) and reused.
// Why a learner would believe it: the lesson calls the JSON dump "the heaviest of the three" and "a diagnostic call, never per request", which reads like "take it once".
// What is actually right: a census counts the threads of the JVM at the moment it is asked, so every call must take a fresh snapshot of the Target it is handed.
package lesson3;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code thread-census} (lesson 3): count the threads of a JVM by pool and state.
 */
public final class ThreadCensus {

    /** JSON thread dumps are expensive: one per service is enough. */
    private static final Map<String, Map<String, Map<Thread.State, Integer>>> BY_SERVICE = new ConcurrentHashMap<>();

    private ThreadCensus() {}

    /**
     * Every thread of the target, virtual threads included, counted by pool and state.
     *
     * @param target the JVM to count
     * @return for each pool key ({@code orders-worker-*} for threads named {@code orders-worker-0},
     *     {@code orders-worker-1}, ...), how many of its threads are in each state
     */
    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        return BY_SERVICE.computeIfAbsent(target.displayName(), name -> take(target));
    }

    private static Map<String, Map<Thread.State, Integer>> take(Target target) {
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (GroupSummary pool : ThreadSnapshots.dump(target).summarize(Grouping.POOL)) {
            census.put(pool.key(), pool.states());
        }
        return Map.copyOf(census);
    }
}
