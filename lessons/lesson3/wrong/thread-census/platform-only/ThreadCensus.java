// Wrong answer: takes the snapshot through ThreadMXBean, which lists platform threads only: virtual threads are missing.
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
        for (GroupSummary pool : ThreadSnapshots.of(target).summarize(Grouping.POOL)) {
            census.put(pool.key(), pool.states());
        }
        return census;
    }
}
