package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;

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

    /**
     * Conversations that wait for reply after reply, each on a fresh latch of the same class: in every snapshot
     * they wait without a time limit on the same kind of blocker, but their waited counts climb.
     */
    @Test
    void tellsThreadsThatWakeAndWaitAgainFromStuckOnes() throws InterruptedException {
        List<ThreadSnapshot> snapshots;
        List<ThreadSnapshot> dumps;
        try (Workload workload = new Workload().leak("orders", 100).chat("sessions", 50, 40)) {
            snapshots = LeakFinder.watch(ThreadSnapshots::current, 12, INTERVAL);
            dumps = LeakFinder.watch(Target.current(), 12, INTERVAL);
        }

        for (List<ThreadSnapshot> series : List.of(snapshots, dumps)) {
            List<LeakSuspect> suspects = new LeakFinder().find(series);
            assertEquals(List.of("orders-*"), suspects.stream().map(LeakSuspect::group).toList(),
                    suspects.toString());
        }
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

    /**
     * Unnamed virtual threads of one executor, one blocking for good on a SynchronousQueue nobody takes from every
     * 100 ms, among others that wait a while and finish: ThreadMXBean never sees them, the JSON dump does, and
     * their executor names the pool.
     */
    @Test
    void findsAnExecutorLeakingVirtualThreadsOnlyInJsonDumps() throws InterruptedException {
        List<ThreadSnapshot> fromDumps;
        List<ThreadSnapshot> fromThreadMxBean;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
             var driver = Executors.newSingleThreadScheduledExecutor()) {
            driver.scheduleAtFixedRate(() -> executor.submit(() -> {
                new SynchronousQueue<String>().put("never taken");
                return null;
            }), 0, 100, TimeUnit.MILLISECONDS);
            driver.scheduleAtFixedRate(() -> executor.submit(() -> {
                Thread.sleep(250);
                return null;
            }), 0, 60, TimeUnit.MILLISECONDS);
            fromThreadMxBean = LeakFinder.watch(() -> ThreadSnapshots.of(Target.current(), 0), 8, INTERVAL);
            fromDumps = LeakFinder.watch(Target.current(), 12, INTERVAL);
            driver.shutdownNow();
            executor.shutdownNow();
        }

        List<LeakSuspect> suspects = new LeakFinder().find(fromDumps);

        assertEquals(1, suspects.size(), suspects.toString());
        assertTrue(suspects.getFirst().group().startsWith("java.util.concurrent.ThreadPerTaskExecutor@"),
                suspects.toString());
        assertEquals("java.util.concurrent.SynchronousQueue$Transferer", suspects.getFirst().blocker());
        assertEquals(List.of(), new LeakFinder().find(fromThreadMxBean));
    }

    @Test
    void needsATrend() {
        ThreadSnapshot one = ThreadSnapshots.current();
        assertThrows(IllegalArgumentException.class, () -> new LeakFinder().find(List.of(one, one)));
    }
}
