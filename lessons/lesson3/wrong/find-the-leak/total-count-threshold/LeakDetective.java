// Wrong answer: watches the total thread count and only looks for a leak when it climbs past a threshold; then it
// blames the pool that grew the most. A shrinking pool can keep the total flat while another one leaks.
package lesson3;

import java.util.List;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.GroupSummary;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

public final class LeakDetective {

    private static final int THRESHOLD = 5;

    private LeakDetective() {}

    public static String leakingPool(Target target) throws InterruptedException {
        ThreadSnapshot first = ThreadSnapshots.of(target, 0);
        Thread.sleep(3_000);
        ThreadSnapshot last = ThreadSnapshots.of(target, 0);
        if (last.count() - first.count() < THRESHOLD) {
            return null;
        }
        String grewMost = null;
        int most = Integer.MIN_VALUE;
        List<GroupSummary> pools = last.summarize(Grouping.POOL);
        for (GroupSummary pool : pools) {
            int growth = pool.count() - first.group(Grouping.POOL, pool.key()).count();
            if (growth > most) {
                most = growth;
                grewMost = pool.key();
            }
        }
        return grewMost;
    }
}
