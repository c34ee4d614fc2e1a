// Wrong answer: names the pool with the most WAITING threads in one snapshot. Idle workers of a healthy pool wait
// too; waiting once says nothing about waiting forever.
package lesson3;

import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshots;

public final class LeakDetective {

    private LeakDetective() {}

    public static String leakingPool(Target target) throws InterruptedException {
        Thread.sleep(2_000);
        String most = null;
        int waiting = -1;
        for (GroupSummary pool : ThreadSnapshots.of(target, 0).summarize(Grouping.POOL)) {
            if (pool.count(Thread.State.WAITING) > waiting) {
                waiting = pool.count(Thread.State.WAITING);
                most = pool.key();
            }
        }
        return most;
    }
}
