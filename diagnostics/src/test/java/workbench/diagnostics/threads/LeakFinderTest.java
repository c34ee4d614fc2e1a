package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakFinderTest {

    private static final Duration INTERVAL = Duration.ofMillis(150);

    @Test
    void namesTheLeakingPoolWhileAShrinkingDecoyKeepsTheTotalFlat() throws InterruptedException {
        List<ThreadSnapshot> snapshots;
        try (Workload workload = new Workload().shrink("batch", 40, 100).leak("orders", 100)
                .churn("reports", 60, 250)) {
            snapshots = LeakFinder.watch(ThreadSnapshots::current, 12, INTERVAL);
        }

        List<LeakSuspect> suspects = new LeakFinder().find(snapshots);

        assertEquals(List.of("orders-*"), suspects.stream().map(LeakSuspect::group).toList(), suspects.toString());
        LeakSuspect leak = suspects.getFirst();
        assertEquals("java.util.concurrent.CountDownLatch$Sync", leak.blocker());
        assertTrue(leak.newlyStuck() >= 5, leak.toString());
        int growth = snapshots.getLast().count() - snapshots.getFirst().count();
        assertTrue(Math.abs(growth) <= leak.countAtEnd() / 2,
                "the decoy should hide most of the leak from the total, which changed by " + growth);
    }

    @Test
    void staysSilentOnPoolsThatGrowAndShrink() throws InterruptedException {
        List<ThreadSnapshot> snapshots;
        try (Workload workload = new Workload().churn("reports", 40, 300).churn("uploads", 90, 500)
                .shrink("batch", 20, 100)) {
            snapshots = LeakFinder.watch(ThreadSnapshots::current, 12, INTERVAL);
        }

        assertEquals(List.of(), new LeakFinder().find(snapshots));
    }

    @Test
    void findsExecutorsCreatedPerRequestAsAFamily() throws InterruptedException {
        List<ThreadSnapshot> snapshots;
        try (Workload workload = new Workload().executorPerRequest(100).churn("reports", 50, 250)) {
            snapshots = LeakFinder.watch(ThreadSnapshots::current, 12, INTERVAL);
        }

        List<LeakSuspect> suspects = new LeakFinder().find(snapshots);

        assertEquals(List.of("pool-*-thread-*"), suspects.stream().map(LeakSuspect::group).toList(),
                suspects.toString());
        assertEquals(Grouping.FAMILY, suspects.getFirst().grouping());
    }

    @Test
    void needsATrend() {
        ThreadSnapshot one = ThreadSnapshots.current();
        assertThrows(IllegalArgumentException.class, () -> new LeakFinder().find(List.of(one, one)));
    }
}
