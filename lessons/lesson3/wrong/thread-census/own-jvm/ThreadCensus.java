// Wrong answer: counts the threads of the JVM the code runs in (ThreadSnapshots.dump()), not of the target it is handed.
package lesson3;

import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshots;

public final class ThreadCensus {

    private ThreadCensus() {}

    public static Map<String, Map<Thread.State, Integer>> census(Target target) {
        Map<String, Map<Thread.State, Integer>> census = new TreeMap<>();
        for (GroupSummary pool : ThreadSnapshots.dump().summarize(Grouping.POOL)) {
            census.put(pool.key(), pool.states());
        }
        return census;
    }
}
