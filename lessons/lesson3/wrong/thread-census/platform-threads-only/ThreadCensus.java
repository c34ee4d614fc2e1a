// Misconception: ThreadSnapshots.of(target), a full dumpAllThreads of the target, already lists every thread of that JVM.
// Why a learner would believe it: it is the call that takes "full stacks" of "all threads", so it sounds like the most complete snapshot there is.
// What is actually right: ThreadMXBean knows platform threads only; virtual threads appear only in the JSON thread dump, ThreadSnapshots.dump(target).
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
        // dumpAllThreads of the target: every thread, with its state and blocker
        ThreadSnapshot snapshot = ThreadSnapshots.of(target);
        Map<String, Map<Thread.State, Integer>> census = new LinkedHashMap<>();
        for (GroupSummary pool : snapshot.summarize(Grouping.POOL)) {
            census.put(pool.key(), pool.states());
        }
        return census;
    }
}
