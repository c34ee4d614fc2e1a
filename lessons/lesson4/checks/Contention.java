package lesson4.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A service's everyday lock contention: threads that take a monitor or a {@code ReentrantLock} for a few
 * milliseconds, then do something else for a few, so that how many are BLOCKED, or parked waiting for the lock,
 * changes from one moment to the next. None of it is a deadlock; a gauge that looks for deadlocks only when
 * threads are blocked, or when their number changes, looks all the time here.
 */
final class Contention implements AutoCloseable {

    private static final int ON_THE_MONITOR = 3;
    private static final int ON_THE_LOCK = 3;
    private static final int MOST_MILLIS = 4;

    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Contention() {
        for (int i = 0; i < ON_THE_MONITOR; i++) {
            threads.add(Thread.ofPlatform().daemon().name("check-contender-monitor-" + i).start(() -> {
                while (running) {
                    pause();
                    synchronized (monitor) {
                        pause();
                    }
                }
            }));
        }
        for (int i = 0; i < ON_THE_LOCK; i++) {
            threads.add(Thread.ofPlatform().daemon().name("check-contender-lock-" + i).start(() -> {
                while (running) {
                    pause();
                    lock.lock();
                    try {
                        pause();
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(MOST_MILLIS + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the contenders and waits until each has ended. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
