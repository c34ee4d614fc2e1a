// Misconception: A JSON thread dump is written thread by thread and may miss one, so the learner takes two dumps back
// to back and keeps, for each pool and state, the larger count; a census is one moment, and merging two counts threads
// that changed state or ended in between, and pools that started in between, as if they had all been there at once.
package lesson3;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        // The JSON dump lists virtual threads too; it is taken thread by thread, so take it twice and keep,
        // for each pool and state, the larger count, in case one walk missed a thread.
        ThreadSnapshot first = ThreadSnapshots.dump(target);
        ThreadSnapshot second = ThreadSnapshots.dump(target);
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadSnapshot snapshot : List.of(first, second)) {
            for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {
                Map<Thread.State, Integer> states =
                        census.computeIfAbsent(pool.key(), key -> new EnumMap<>(Thread.State.class));
                pool.states().forEach((state, count) -> states.merge(state, count, Math::max));
            }
        }
        return census;
    }
}
