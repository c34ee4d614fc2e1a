package lesson3.checks;

import java.util.Random;
import lesson3.LeakDetective;
import lesson3.demo.LeakyThreads;
import lesson3.demo.Plan;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Grouping;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code find-the-leak}: the {@code leaky-threads} demo runs in this JVM with a fresh
 * random plan (which pool leaks, on what, how fast, which pools are decoys), once with a decoy that keeps the
 * total thread count from growing and once without. The learner's code must name the leaking pool both times.
 */
class LeakDetectiveCheck {

    private static final String COUNT = "Lesson 3, 'A count alone misleads': follow the same threads over time;"
            + " a leak is threads that block and never come back";

    @Test
    void namesTheLeakWhileTheTotalThreadCountDoesNotGrow() throws Exception {
        check(Plan.random(new Random(), true));
    }

    @Test
    void namesTheLeakAmongPoolsThatGrowAndShrink() throws Exception {
        check(Plan.random(new Random(), false));
    }

    private static void check(Plan plan) throws Exception {
        try (LeakyThreads demo = new LeakyThreads(plan)) {
            demo.start();
            Thread.sleep(500);
            ThreadSnapshot before = ThreadSnapshots.current();
            String named = LeakDetective.leakingPool(Target.current());
            if (!Plan.poolKey(plan.leaking()).equals(named)) {
                explain(named, plan, before, ThreadSnapshots.current());
            }
        }
    }

    /** Says what the named pool did while the learner watched; never which pool leaks. */
    private static void explain(String named, Plan plan, ThreadSnapshot before, ThreadSnapshot after) {
        if (named == null) {
            Feedback.fail("Your method found no leak, in a run where one pool leaks about "
                    + Math.round(1000.0 / plan.leakMillis()) + " threads a second. The total thread count went from "
                    + before.count() + " to " + after.count() + ".", COUNT);
        }
        int then = before.group(Grouping.POOL, named).count();
        int now = after.group(Grouping.POOL, named).count();
        if (!plan.pools().stream().map(Plan::poolKey).toList().contains(named)) {
            Feedback.fail("You named `" + named + "`, which is not one of the service's pools `" + plan.pools()
                    .stream().map(Plan::poolKey).toList() + "`.", COUNT);
        }
        String role;
        if (named.equals(Plan.poolKey(plan.steady()))) {
            role = "It is the biggest pool, and its threads are the same idle workers from start to end, waiting"
                    + " for work: big and waiting is not leaking.";
        } else if (named.equals(Plan.poolKey(plan.shrinking()))) {
            role = "Its threads were released one by one: it only shrank.";
        } else {
            role = "Its threads came in bursts, waited a while, then ran on and ended.";
        }
        Feedback.fail("You named `" + named + "`, which had " + then + " threads when your method started and "
                + now + " when it returned. " + role, COUNT);
    }
}
