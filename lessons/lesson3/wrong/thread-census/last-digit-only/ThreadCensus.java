// Misconception: the pool key is the thread name with its last digit replaced by '*' (regex "\\d$" instead of "\\d+$").
// Why a learner would believe it: on the console's small pools (worker-0 .. worker-8) it gives exactly the keys the library prints.
// What is actually right: the whole trailing number is replaced, so worker-12 belongs to worker-*, not to a separate worker-1* group.
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
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);  // virtual threads included
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : snapshot.threads()) {
            census.computeIfAbsent(poolOf(thread.name()), key -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }

    /** orders-worker-3 -> orders-worker-*: the factory's counter goes at the end of the name. */
    private static String poolOf(String name) {
        if (name.isEmpty()) {
            return "<unnamed>";
        }
        return name.replaceFirst("\\d$", "*");
    }
}
