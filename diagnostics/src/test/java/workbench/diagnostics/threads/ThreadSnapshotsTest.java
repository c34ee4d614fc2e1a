package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadSnapshotsTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Object monitor = new Object();
    private ExecutorService latchPool;

    @BeforeEach
    void startBlockedThreads() throws InterruptedException {
        latchPool = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("census-latch-", 0).factory());
        for (int i = 0; i < 3; i++) {
            latchPool.execute(this::awaitRelease);
        }
        Thread.ofPlatform().name("census-queue-", 0).start(this::takeFromQueue);
        Thread.ofPlatform().name("census-queue-", 1).start(this::takeFromQueue);
        Thread.ofVirtual().name("census-virtual-", 0).start(this::awaitRelease);
        lock.lock();
        Thread.ofPlatform().name("census-lock-1").start(() -> {
            lock.lock();
            lock.unlock();
        });
        Thread.ofPlatform().name("census-holder").start(() -> {
            synchronized (monitor) {
                awaitRelease();
            }
        });
        awaitWaiting(7);
        Thread.ofPlatform().name("census-monitor-1").start(() -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
        awaitBlocked("census-monitor-1");
    }

    @AfterEach
    void releaseThem() throws InterruptedException {
        release.countDown();
        queue.add("a");
        queue.add("b");
        lock.unlock();
        latchPool.shutdown();
        assertTrue(latchPool.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void groupsPlatformThreadsByPoolWithStatesAndBlockers() {
        ThreadSnapshot snapshot = ThreadSnapshots.current();

        GroupSummary latch = snapshot.group(Grouping.POOL, "census-latch-*");
        assertEquals(3, latch.count());
        assertEquals(3, latch.count(Thread.State.WAITING));
        assertEquals(3, latch.blockers().get("java.util.concurrent.CountDownLatch$Sync"));
        assertEquals(List.of("workbench.diagnostics.threads.ThreadSnapshotsTest.awaitRelease"),
                List.copyOf(latch.origins()));

        GroupSummary queued = snapshot.group(Grouping.POOL, "census-queue-*");
        assertEquals(2, queued.count(Thread.State.WAITING));
        assertEquals(2, queued.blockers().get("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"));

        assertEquals(1, snapshot.group(Grouping.POOL, "census-lock-*").blockers()
                .get("java.util.concurrent.locks.ReentrantLock$NonfairSync"));
        GroupSummary monitorGroup = snapshot.group(Grouping.POOL, "census-monitor-*");
        assertEquals(1, monitorGroup.count(Thread.State.BLOCKED));
        assertEquals(1, monitorGroup.blockers().get("java.lang.Object"));
        assertTrue(snapshot.summarize(Grouping.POOL).stream().noneMatch(g -> g.key().startsWith("census-virtual")),
                "ThreadMXBean lists platform threads only");
    }

    @Test
    void jsonDumpAddsVirtualThreadsAndTheirContainers() {
        ThreadSnapshot snapshot = ThreadSnapshots.dump();

        ThreadRecord virtual = snapshot.threads().stream()
                .filter(thread -> thread.name().equals("census-virtual-0")).findFirst().orElseThrow();
        assertTrue(virtual.virtual());
        assertEquals(Thread.State.WAITING, virtual.state());
        assertEquals("java.util.concurrent.CountDownLatch$Sync", virtual.blocker());

        GroupSummary latch = snapshot.group(Grouping.POOL, "census-latch-*");
        assertEquals(3, latch.count(Thread.State.WAITING));
        ThreadRecord worker = snapshot.groupBy(Grouping.POOL).get("census-latch-*").getFirst();
        assertNotNull(worker.container());
        assertTrue(worker.container().startsWith("java.util.concurrent.ThreadPoolExecutor@"), worker.container());
        assertEquals(1, snapshot.group(Grouping.POOL, "census-monitor-*").count(Thread.State.BLOCKED));
    }

    @Test
    void tableShowsOneLinePerGroup() {
        ThreadSnapshot snapshot = ThreadSnapshots.current();
        String table = snapshot.table(Grouping.POOL);
        assertTrue(table.lines().anyMatch(line -> line.matches("census-latch-\\*\\s+3\\s+\\{WAITING=3}")), table);
        assertTrue(snapshot.toString().startsWith("ThreadSnapshot at " + snapshot.taken() + ", "
                + snapshot.threads().size() + " threads\n" + table.lines().findFirst().orElseThrow()), snapshot::toString);
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void takeFromQueue() {
        try {
            queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitBlocked(String name) throws InterruptedException {
        while (ThreadSnapshots.current().threads().stream()
                .noneMatch(t -> t.name().equals(name) && t.state() == Thread.State.BLOCKED)) {
            Thread.sleep(10);
        }
    }

    private static void awaitWaiting(int count) throws InterruptedException {
        while (ThreadSnapshots.current().threads().stream()
                .filter(t -> t.name().startsWith("census-") && t.state() == Thread.State.WAITING).count() < count) {
            Thread.sleep(10);
        }
    }
}
