package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real threads blocked forever, or only for a while, then a real heap dump of this JVM. */
class LeakProfileTest {

    /** Weak, so that the test's own bookkeeping does not make a leaked thread reachable. */
    private final List<WeakReference<Thread>> started = new CopyOnWriteArrayList<>();
    private final List<WeakReference<ExecutorService>> forgottenExecutors = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> liveExecutors = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> liveQueue = new LinkedBlockingQueue<>();
    private final Object liveMonitor = new Object();

    @AfterEach
    void wakeEveryone() throws InterruptedException {
        for (WeakReference<Thread> reference : started) {
            Thread thread = reference.get();
            if (thread != null) {
                thread.interrupt();
                thread.join(5_000);
            }
        }
        List<ExecutorService> executors = new ArrayList<>(liveExecutors);
        for (WeakReference<ExecutorService> reference : forgottenExecutors) {
            ExecutorService executor = reference.get();
            if (executor != null) {
                executors.add(executor);
            }
        }
        for (ExecutorService executor : executors) {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void findsConsumersOfAQueueNobodyElseHolds() throws Exception {
        startConsumerOfForgottenQueue("orphan-consumer-1");
        startConsumerOfForgottenQueue("orphan-consumer-2");
        start("live-consumer-1", () -> liveQueue.take());
        awaitWaiting("orphan-consumer-1", "orphan-consumer-2", "live-consumer-1");

        LeakProfile profile = LeakProfile.take();

        assertEquals(Map.of("orphan-consumer-*", 2), profile.leakedByPool(), profile.leaked().toString());
        assertTrue(profile.judged() >= 3);
        assertEquals("LeakProfile: " + profile.judged() + " blocked threads judged, 2 leaked {orphan-consumer-*=2}",
                profile.toString());
    }

    @Test
    void findsExecutorsThatWereDroppedWithoutShutdown() throws Exception {
        submitToForgottenExecutor("per-request-a-");
        submitToForgottenExecutor("per-request-b-");
        ExecutorService kept = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("kept-", 0).factory());
        liveExecutors.add(kept);
        kept.submit(() -> "response").get();
        kept.submit(() -> "response").get();
        awaitWaiting("per-request-a-0", "per-request-b-0", "kept-0", "kept-1");

        LeakProfile profile = LeakProfile.take();

        assertEquals(Map.of("per-request-a-*", 1, "per-request-b-*", 1), profile.leakedByPool(),
                profile.leaked().toString());
    }

    @Test
    void aConsumerWhoseProducerIsStillAliveIsNotLeaked() throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        start("slow-consumer-1", queue::take);
        start("slow-producer-1", () -> {
            Thread.sleep(60_000);
            queue.put("late");
            return null;
        });
        awaitWaiting("slow-consumer-1");

        LeakProfile profile = forgetAndProfile(queue);

        assertEquals(Map.of(), profile.leakedByPool(), profile.leaked().toString());
    }

    @Test
    void findsMonitorWaitsAndThreadsBlockedBehindALeakedOwner() throws Exception {
        startWaiterOnPrivateMonitor("lonely-waiter-1");
        start("live-waiter-1", () -> {
            synchronized (liveMonitor) {
                liveMonitor.wait();
            }
            return null;
        });
        startOwnerThatNeverLetsGo();
        awaitWaiting("lonely-waiter-1", "live-waiter-1");
        awaitState(Thread.State.BLOCKED, "behind-owner-1");

        LeakProfile profile = LeakProfile.take();

        assertEquals(Map.of("lonely-waiter-*", 1, "owner-*", 1, "behind-owner-*", 1), profile.leakedByPool(),
                profile.leaked().toString());
    }

    @Test
    void findsMonitorWaitsOnceTheJitHasCompiledObjectWait() throws Exception {
        compileObjectWait();
        startWaiterOnPrivateMonitor("lonely-waiter-1");
        start("live-waiter-1", () -> {
            synchronized (liveMonitor) {
                liveMonitor.wait();
            }
            return null;
        });
        awaitWaiting("lonely-waiter-1", "live-waiter-1");

        LeakProfile profile = LeakProfile.take();

        assertEquals(Map.of("lonely-waiter-*", 1), profile.leakedByPool(), profile.leaked().toString());
    }

    @Test
    void aThreadWaitingToEnterALiveMonitorIsNotLeakedThoughItHoldsAPrivateOneOfTheSameClass() throws Exception {
        synchronized (liveMonitor) {
            start("nested-1", () -> {
                Object privateMonitor = new Object();
                synchronized (privateMonitor) {
                    synchronized (liveMonitor) {
                        return privateMonitor;
                    }
                }
            });
            awaitState(Thread.State.BLOCKED, "nested-1");

            LeakProfile profile = LeakProfile.take();

            assertEquals(Map.of(), profile.leakedByPool(), profile.leaked().toString());
        }
    }

    @Test
    void findsVirtualThreadsWaitingOnAForgottenLatch() throws Exception {
        CountDownLatch[] forgotten = {new CountDownLatch(1)};
        startVirtual("virtual-orphan-1", forgotten[0]);
        CountDownLatch kept = new CountDownLatch(1);
        startVirtual("virtual-kept-1", kept);
        forgotten[0] = null;
        awaitVirtualWaiting("virtual-orphan-1", "virtual-kept-1");

        LeakProfile profile = LeakProfile.take();

        assertEquals(Map.of("virtual-orphan-*", 1), profile.leakedByPool(), profile.leaked().toString());
        kept.countDown();
    }

    /**
     * The case that a program written apart from this library caught: virtual threads of a live
     * {@code newVirtualThreadPerTaskExecutor()}, blocked forever on a SynchronousQueue nobody takes from. The
     * executor keeps every thread it started, and a virtual thread reaches its task and the queue the task captured.
     */
    @Test
    void findsVirtualThreadsOfALiveExecutorBlockedOnAQueueNobodyElseHolds() throws Exception {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        liveExecutors.add(executor);
        handToNobody(executor, 3);
        SynchronousQueue<String> kept = new SynchronousQueue<>();
        for (int i = 0; i < 2; i++) {
            executor.submit(() -> {
                kept.put("handed over later");
                return null;
            });
        }
        awaitVirtualWaitingCount(5);

        LeakProfile profile = LeakProfile.take();

        assertEquals(3, profile.leaked().size(), profile.leaked().toString());
        assertTrue(profile.leaked().stream().allMatch(ThreadRecord::virtual), profile.leaked().toString());
        String pool = profile.leakedByPool().keySet().iterator().next();
        assertEquals(Map.of(pool, 3), profile.leakedByPool());
        assertTrue(pool.startsWith("java.util.concurrent.ThreadPerTaskExecutor@"), pool);
        kept.take();
        kept.take();
    }

    @Test
    void saysWhenAFileIsNoHeapDump(@TempDir Path dir) throws IOException {
        Path notADump = Files.writeString(dir.resolve("threads.json"), "{\"threadDump\": {}}");
        ThreadSnapshot snapshot = ThreadSnapshots.current();

        IOException error = assertThrows(IOException.class, () -> LeakProfile.of(snapshot, notADump));
        assertTrue(error.getMessage().contains("not an HPROF heap dump"), error.getMessage());
    }

    private static void handToNobody(ExecutorService executor, int tasks) {
        SynchronousQueue<String> nobodyTakes = new SynchronousQueue<>();
        for (int i = 0; i < tasks; i++) {
            executor.submit(() -> {
                nobodyTakes.put("never taken");
                return null;
            });
        }
    }

    private LeakProfile forgetAndProfile(Object forgotten) throws IOException {
        assertTrue(forgotten != null);  // the queue leaves this frame's locals when the method returns
        return LeakProfile.take();
    }

    private void startConsumerOfForgottenQueue(String name) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        start(name, queue::take);
    }

    private void submitToForgottenExecutor(String prefix) throws Exception {
        // A fixed pool: newSingleThreadExecutor would be shut down by a Cleaner once unreachable.
        ExecutorService perRequest = Executors.newFixedThreadPool(1, Thread.ofPlatform().name(prefix, 0).factory());
        forgottenExecutors.add(new WeakReference<>(perRequest));
        perRequest.submit(() -> "response").get();
    }

    private void startWaiterOnPrivateMonitor(String name) {
        Object monitor = new Object();
        start(name, () -> {
            synchronized (monitor) {
                monitor.wait();
            }
            return null;
        });
    }

    /**
     * Calls {@code Object.wait} until the JIT has compiled it, which shows in the JVM's own thread dump: it stops
     * naming the monitor a thread waits on, because compiled code drops {@code this} during the wait.
     */
    private void compileObjectWait() throws InterruptedException {
        Object monitor = new Object();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            synchronized (monitor) {
                for (int i = 0; i < 1_000; i++) {
                    Thread.currentThread().interrupt();  // so that wait returns at once, by throwing
                    try {
                        monitor.wait();
                    } catch (InterruptedException expected) {
                        // the call counted towards compilation, which is all this wait is for
                    }
                }
            }
            startWaiterOnPrivateMonitor("wait-probe");
            awaitWaiting("wait-probe");
            boolean compiled = ThreadSnapshots.dump().threads().stream()
                    .anyMatch(thread -> thread.name().equals("wait-probe") && thread.blocker() == null);
            wakeEveryone();
            if (compiled) {
                return;
            }
        }
        throw new AssertionError("after 20 s of calls the thread dump still names the monitor of Object.wait: either"
                + " the JIT did not compile it, or this JDK's thread dump no longer loses that monitor once it is");
    }

    /** One thread holds a private monitor while it waits forever; another waits to enter that monitor. */
    private void startOwnerThatNeverLetsGo() throws InterruptedException {
        Object monitor = new Object();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        start("owner-1", () -> {
            synchronized (monitor) {
                holding.countDown();
                never.await();
            }
            return null;
        });
        holding.await();
        start("behind-owner-1", () -> {
            synchronized (monitor) {
                return monitor;
            }
        });
    }

    private void startVirtual(String name, CountDownLatch latch) {
        started.add(new WeakReference<>(Thread.ofVirtual().name(name).start(() -> {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
    }

    private void start(String name, java.util.concurrent.Callable<?> work) {
        Thread thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                work.call();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        started.add(new WeakReference<>(thread));
    }

    private static void awaitWaiting(String... names) throws InterruptedException {
        awaitState(Thread.State.WAITING, names);
    }

    private static void awaitState(Thread.State state, String... names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ThreadSnapshot snapshot = ThreadSnapshots.current();
            if (List.of(names).stream().allMatch(name -> snapshot.threads().stream()
                    .anyMatch(t -> t.name().equals(name) && t.state() == state))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("threads " + List.of(names) + " did not reach " + state);
    }

    private static void awaitVirtualWaitingCount(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ThreadSnapshots.dump().threads().stream()
                    .filter(t -> t.virtual() && t.state() == Thread.State.WAITING).count() >= count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(count + " virtual threads did not wait");
    }

    private static void awaitVirtualWaiting(String... names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            ThreadSnapshot snapshot = ThreadSnapshots.dump();
            if (List.of(names).stream().allMatch(name -> snapshot.threads().stream()
                    .anyMatch(t -> t.name().equals(name) && t.state() == Thread.State.WAITING))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("virtual threads " + List.of(names) + " did not wait");
    }
}
