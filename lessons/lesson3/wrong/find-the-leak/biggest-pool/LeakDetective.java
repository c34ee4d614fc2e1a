// Wrong answer: names the biggest pool, as if the pool with the most threads had to be the one that leaks.
package lesson3;

import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshots;

public final class LeakDetective {

    private LeakDetective() {}

    public static String leakingPool(Target target) throws InterruptedException {
        Thread.sleep(2_000);
        for (GroupSummary pool : ThreadSnapshots.of(target, 0).summarize(Grouping.POOL)) {
            if (pool.key().endsWith("-*")) {
                return pool.key();
            }
        }
        return null;
    }
}
