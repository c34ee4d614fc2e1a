package lesson4.checks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads in the states the {@code cheap-gauges} gauges report, and in the states a wrong gauge would confuse with
 * them: BLOCKED entering a monitor, WAITING in {@code Object.wait()} or parked on a {@code ReentrantLock},
 * TIMED_WAITING asleep, and deadlocked, on monitors or on locks. {@link #close()} lets every one go that can be let
 * go; threads deadlocked on monitors never can, and stay (they are daemons, and few).
 */
final class ThreadScene implements AutoCloseable {

    private final Object monitor = new Object();
    private final Object signal = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> lockCycle = new ArrayList<>();
    private boolean signalled;

    /** Starts a thread that holds the scene's monitor and lock until {@link #close()}, and waits until it does. */
    ThreadScene() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        threads.add(Thread.ofPlatform().daemon().name("check-holder").start(() -> {
            synchronized (monitor) {
                lock.lock();
                try {
                    holding.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lock.unlock();
                }
            }
        }));
        holding.await();
    }

    /** {@code n} threads BLOCKED entering the monitor the holder keeps. */
    ThreadScene blocked(int n) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(start("check-blocked-" + i, () -> {
                synchronized (monitor) {
                    // Entering is all it does: until the holder lets go, the thread stays BLOCKED.
                }
            }));
        }
        return until(started, Thread.State.BLOCKED);
    }

    /**
     * {@code n} threads BLOCKED entering a monitor for {@code millis} ms, as workers contend for a moment, that then
     * get it and go back to WAITING for work, as a pool's idle workers do, until {@link #close()}.
     */
    ThreadScene blockedForAMoment(int n, long millis) throws InterruptedException {
        Object contended = new Object();
        List<Thread> started = new ArrayList<>();
        synchronized (contended) {
            for (int i = 0; i < n; i++) {
                started.add(start("check-contending-" + i, () -> {
                    synchronized (contended) {
                        // through, and back to waiting for work
                    }
                    awaitSignal();
                }));
            }
            until(started, Thread.State.BLOCKED);
            Thread.sleep(millis);
        }
        return until(started, Thread.State.WAITING);
    }

    /** {@code n} threads WAITING: every other one in {@code Object.wait()}, the rest parked on the held lock. */
    ThreadScene waiting(int n) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(start("check-waiting-" + i, i % 2 == 0 ? this::awaitSignal : () -> {
                lock.lock();
                lock.unlock();
            }));
        }
        return until(started, Thread.State.WAITING);
    }

    /** {@code n} threads TIMED_WAITING in {@code Thread.sleep}. */
    ThreadScene sleeping(int n) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(start("check-sleeping-" + i, () -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // let go
                }
            }));
        }
        return until(started, Thread.State.TIMED_WAITING);
    }

    /** {@code n} threads in a cycle, each holding one monitor and BLOCKED on the next: a deadlock for good. */
    ThreadScene monitorCycle(int n) throws InterruptedException {
        Object[] monitors = new Object[n];
        for (int i = 0; i < n; i++) {
            monitors[i] = new Object();
        }
        CountDownLatch holding = new CountDownLatch(n);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object mine = monitors[i];
            Object next = monitors[(i + 1) % n];
            started.add(start("check-monitor-cycle-" + i, () -> {
                synchronized (mine) {
                    holding.countDown();
                    awaitQuietly(holding);
                    synchronized (next) {
                        // never reached: the cycle has no way out
                    }
                }
            }));
        }
        return until(started, Thread.State.BLOCKED);
    }

    /**
     * {@code n} threads in a cycle, each holding one {@code ReentrantLock} and WAITING for the next, and
     * {@code behind} more WAITING for one of those locks: they wait on the deadlock and are not part of it.
     */
    ThreadScene lockCycle(int n, int behind) throws InterruptedException {
        ReentrantLock[] locks = new ReentrantLock[n];
        for (int i = 0; i < n; i++) {
            locks[i] = new ReentrantLock();
        }
        CountDownLatch holding = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            ReentrantLock mine = locks[i];
            ReentrantLock next = locks[(i + 1) % n];
            lockCycle.add(start("check-lock-cycle-" + i, () -> {
                mine.lock();
                try {
                    holding.countDown();
                    holding.await();
                    next.lockInterruptibly();
                    next.unlock();
                } catch (InterruptedException e) {
                    // the check broke the cycle
                } finally {
                    mine.unlock();
                }
            }));
        }
        until(lockCycle, Thread.State.WAITING);
        for (int i = 0; i < behind; i++) {
            lockCycle.add(start("check-behind-lock-cycle-" + i, () -> {
                try {
                    locks[0].lockInterruptibly();
                    locks[0].unlock();
                } catch (InterruptedException e) {
                    // the check broke the cycle
                }
            }));
        }
        return until(lockCycle, Thread.State.WAITING);
    }

    /**
     * Breaks the lock cycle: each of its threads, and each behind it, is interrupted, gives up waiting and lets go of
     * its own lock.
     */
    void breakLockCycle() throws InterruptedException {
        lockCycle.forEach(Thread::interrupt);
        for (Thread thread : lockCycle) {
            thread.join();
        }
    }

    /** Threads the JVM finds deadlocked now, on monitors or locks: a safepoint, where no test counts them. */
    static long deadlocked() {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return ids == null ? 0 : ids.length;
    }

    /** Lets every thread go that can go, and waits until each has ended. */
    @Override
    public void close() throws InterruptedException {
        breakLockCycle();
        release.countDown();
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
        for (Thread thread : threads) {
            if (thread.getName().startsWith("check-sleeping-")) {
                thread.interrupt();
            }
        }
        for (Thread thread : threads) {
            if (!thread.getName().startsWith("check-monitor-cycle-")) {
                thread.join();
            }
        }
    }

    private Thread start(String name, Runnable task) {
        Thread thread = Thread.ofPlatform().daemon().name(name).start(task);
        threads.add(thread);
        return thread;
    }

    /** Waits until every one of {@code started} is in {@code state}. */
    private ThreadScene until(List<Thread> started, Thread.State state) throws InterruptedException {
        for (Thread thread : started) {
            while (thread.getState() != state) {
                Thread.sleep(1);
            }
        }
        return this;
    }

    private void awaitSignal() {
        synchronized (signal) {
            while (!signalled) {
                try {
                    signal.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
