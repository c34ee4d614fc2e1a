// Wrong answer: counts states per thread name, so every thread is a "pool" of its own instead of grouping by pool.
package lesson3;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

public final class ThreadCensus {

    private ThreadCensus() {}

    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (ThreadRecord thread : ThreadSnapshots.dump(target).threads()) {
            census.computeIfAbsent(thread.name(), name -> new EnumMap<>(Thread.State.class))
                    .merge(thread.state(), 1, Integer::sum);
        }
        return census;
    }
}
